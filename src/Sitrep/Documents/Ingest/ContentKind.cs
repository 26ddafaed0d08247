namespace Sitrep.Documents.Ingest;

/// <summary>What a raw document's content is: plain text or an HTML page.</summary>
public enum ContentKind
{
    /// <summary>Plain article text.</summary>
    Text,
    /// <summary>A saved web page; its main text is extracted before cleaning.</summary>
    Html,
}
