using Sitrep.Text;

namespace Sitrep.Documents;

/// <summary>A span of the raw text (or of the HTML-extracted text) cut as boilerplate, with the reason.</summary>
public sealed record RemovedSpan(TextSpan Span, string Reason);
