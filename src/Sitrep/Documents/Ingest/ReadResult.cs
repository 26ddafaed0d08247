namespace Sitrep.Documents.Ingest;

/// <summary>One item read from an input: a document, or a problem with one record or the whole file.</summary>
public readonly record struct ReadResult
{
    ReadResult(RawDocument? document, IngestProblem? problem)
    {
        Document = document;
        Problem = problem;
    }

    /// <summary>The document read, or null when this is a problem.</summary>
    public RawDocument? Document { get; }

    /// <summary>The problem, or null when this is a document.</summary>
    public IngestProblem? Problem { get; }

    /// <summary>A document.</summary>
    public static ReadResult Of(RawDocument document) => new(document, null);

    /// <summary>A problem at <paramref name="line"/> of <paramref name="file"/>.</summary>
    public static ReadResult Fail(string file, long line, string reason) => new(null, new IngestProblem(file, line, reason));
}
