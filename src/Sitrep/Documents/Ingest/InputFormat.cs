namespace Sitrep.Documents.Ingest;

/// <summary>Input file formats, chosen by file extension (after an optional <c>.gz</c>).</summary>
public enum InputFormat
{
    /// <summary>Not a supported input.</summary>
    Unknown,
    /// <summary><c>.txt</c>: one article; the first line may be its headline.</summary>
    Text,
    /// <summary><c>.html</c>/<c>.htm</c>: one saved web page.</summary>
    Html,
    /// <summary><c>.jsonl</c>: one JSON object per line.</summary>
    JsonLines,
    /// <summary><c>.json</c>: one object, an array of objects, or concatenated objects.</summary>
    Json,
    /// <summary><c>.csv</c>: a header row and one article per record.</summary>
    Csv,
    /// <summary><c>.warc</c>: WARC response records with HTML payloads.</summary>
    Warc,
}
