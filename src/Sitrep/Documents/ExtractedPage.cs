using System.Collections.Immutable;

namespace Sitrep.Documents;

/// <summary>What the HTML extractor got out of a page: title, main text, dates found in metadata, canonical URL.</summary>
public sealed record ExtractedPage(
    string? Title,
    string MainText,
    PublicationDate? Published,
    string? CanonicalUrl,
    string? SiteName,
    ImmutableSortedDictionary<string, string> Metadata);
