using System.Collections.Immutable;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// One document as read from an input, before extraction and cleaning: the <see cref="File"/> and 1-based
/// <see cref="Line"/> (or record number; 0 when the document is the whole file) it came from;
/// <see cref="Published"/> is the input's own date field, when it has one.
/// </summary>
public sealed record RawDocument(
    DocumentId Id,
    string File,
    long Line,
    ContentKind Kind,
    string Content,
    string? Url,
    string? Title,
    string? Outlet,
    DateOnly? Published,
    ImmutableSortedDictionary<string, string> Metadata)
{
    /// <summary><c>file:line</c>, or the file alone when the document is the whole file.</summary>
    public string Origin => Line > 0 ? $"{File}:{Line}" : File;
}
