namespace Sitrep.Documents.Ingest;

/// <summary>
/// A raw document with its main text extracted (HTML) and its outlet settled, ready for cleaning once the
/// batch's outlet profiles are known. <see cref="SourceText"/> is what the cleaner will read.
/// </summary>
public sealed record PreparedDocument(RawDocument Raw, string SourceText, ExtractedPage? Page, string? Outlet, string? Url);
