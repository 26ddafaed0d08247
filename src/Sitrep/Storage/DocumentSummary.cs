using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>One line of <c>sitrep docs</c>: id, outlet, publication date and its source, title, sentence count.</summary>
public sealed record DocumentSummary(
    DocumentId Id,
    string Origin,
    string? Outlet,
    PublicationDate? Published,
    string? Title,
    int SentenceCount);
