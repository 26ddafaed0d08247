namespace Sitrep.Documents;

/// <summary>A document's publication date, where it came from and how sure we are (0–1).</summary>
public sealed record PublicationDate(DateOnly Date, DateSource Source, double Confidence);
