using System.Collections.Immutable;
using Sitrep.Text;

namespace Sitrep.Documents;

/// <summary>
/// A document after ingest and cleaning. <see cref="SourceText"/> is the text the cleaner started from
/// (the file for plain text; the extracted main text for HTML); <see cref="Text"/> is the cleaned text every
/// later stage reads, and <see cref="ToSource"/> maps its offsets back to <see cref="SourceText"/>.
/// </summary>
public sealed record Article(
    DocumentId Id,
    string Origin,
    string? Url,
    string? Title,
    string? Outlet,
    PublicationDate? Published,
    string SourceText,
    string Text,
    OffsetMap ToSource,
    ImmutableArray<RemovedSpan> Removed,
    ImmutableSortedDictionary<string, string> Metadata);
