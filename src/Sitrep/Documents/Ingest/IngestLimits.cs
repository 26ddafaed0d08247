namespace Sitrep.Documents.Ingest;

/// <summary>
/// Size limits that keep ingest streaming: no line, record or document may exceed them, so a huge input gives an
/// error message rather than exhausting memory.
/// </summary>
/// <param name="MaxLineChars">Longest line (JSONL, text) or CSV record, in UTF-16 code units.</param>
/// <param name="MaxDocumentChars">Largest single document (text file, HTML page, WARC payload), in code units (or bytes for WARC).</param>
public sealed record IngestLimits(int MaxLineChars, int MaxDocumentChars)
{
    /// <summary>16 Mi code units for both: far above any news article, far below what would strain memory.</summary>
    public static IngestLimits Default { get; } = new(16 * 1024 * 1024, 16 * 1024 * 1024);
}
