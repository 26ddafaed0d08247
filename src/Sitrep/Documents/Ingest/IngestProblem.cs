namespace Sitrep.Documents.Ingest;

/// <summary>An input (or one record of it) that could not be ingested: file, 1-based line (0 = whole file), reason.</summary>
public sealed record IngestProblem(string File, long Line, string Reason)
{
    /// <summary>The one-line message <c>file:line: reason</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
