using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Documents.Ingest;
using Sitrep.Storage;

namespace Sitrep.Pipeline;

/// <summary>
/// Runs ingest in batches: reads documents, drops those already stored (or seen earlier in the run), extracts
/// main text, computes the batch's outlet profiles, cleans, dates and segments (in parallel), and saves in
/// transactions of <see cref="TransactionSize"/>. A failure of one document is reported and the run goes on;
/// cancellation stops after the last committed transaction, and a re-run resumes where it stopped.
/// </summary>
public sealed class IngestRunner(DocumentPipeline pipeline, IDocumentStore store)
{
    /// <summary>Documents per batch: the window over which outlet profiles are computed.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Documents per store transaction.</summary>
    public int TransactionSize { get; init; } = 200;

    /// <summary>Threads used for processing (reading and saving are sequential).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Ingests <paramref name="inputs"/> (from <see cref="DocumentReader"/>); problems are passed to <paramref name="onProblem"/> as they occur.</summary>
    public async Task<IngestReport> RunAsync(
        IEnumerable<ReadResult> inputs,
        DocumentOverrides overrides,
        Action<IngestProblem>? onProblem = null,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(overrides);
        var state = new RunState(onProblem, progress);
        var seen = new HashSet<DocumentId>();
        var batch = new List<RawDocument>(BatchSize);
        foreach (var item in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Problem is { } problem)
            {
                state.Fail(problem);
                state.Report(problem.File);
                continue;
            }

            var doc = item.Document!;
            state.Read++;
            if (!seen.Add(doc.Id))
            {
                state.AlreadyStored++;
                continue;
            }

            batch.Add(doc);
            if (batch.Count >= BatchSize)
            {
                await FlushAsync(batch, overrides, state, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }

            state.Report(doc.File);
        }

        await FlushAsync(batch, overrides, state, cancellationToken).ConfigureAwait(false);
        return new IngestReport(state.Read, state.AlreadyStored, [.. state.Stored], [.. state.Problems]);
    }

    async Task FlushAsync(List<RawDocument> batch, DocumentOverrides overrides, RunState state, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var existing = await store.ExistingAsync([.. batch.Select(d => d.Id)], ct).ConfigureAwait(false);
        state.AlreadyStored += existing.Count;
        var todo = batch.Where(d => !existing.Contains(d.Id)).ToList();
        var processor = pipeline.Processor;

        var prepared = Parallel(todo, raw => Guard(raw, "extraction", () =>
        {
            var p = processor.Prepare(raw, overrides, out var problem);
            return (p, problem);
        }), ct);
        var ready = new List<PreparedDocument>(prepared.Length);
        foreach (var (doc, problem) in prepared)
        {
            if (problem is not null)
            {
                state.Fail(problem);
            }
            else if (doc is not null)
            {
                ready.Add(doc);
            }
        }

        var profiles = pipeline.Profiler.Profile(ready);
        var done = Parallel(ready, p => Guard(p.Raw, "cleaning/segmentation", () =>
        {
            var profile = p.Outlet is not null && profiles.TryGetValue(p.Outlet, out var op) ? op : null;
            var article = processor.Finish(p, profile, overrides);
            return (pipeline.Segment(article), (IngestProblem?)null);
        }), ct);

        var segmented = new List<SegmentedArticle>(done.Length);
        foreach (var (doc, problem) in done)
        {
            if (problem is not null)
            {
                state.Fail(problem);
            }
            else if (doc is not null)
            {
                segmented.Add(doc);
            }
        }

        foreach (var chunk in segmented.Chunk(TransactionSize))
        {
            await store.SaveAsync(chunk, ct).ConfigureAwait(false);
            foreach (var s in chunk)
            {
                var a = s.Article;
                state.Stored.Add(new DocumentSummary(a.Id, a.Origin, a.Outlet, a.Published, a.Title, s.Sentences.Length));
            }

            state.Report(chunk[^1].Article.Origin);
        }
    }

    (T? Value, IngestProblem? Problem)[] Parallel<TIn, T>(
        List<TIn> items, Func<TIn, (T? Value, IngestProblem? Problem)> work, CancellationToken ct)
    {
        var results = new (T?, IngestProblem?)[items.Count];
        System.Threading.Tasks.Parallel.For(
            0,
            items.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Parallelism), CancellationToken = ct },
            i => results[i] = work(items[i]));
        return results;
    }

    /// <summary>A stage bug on one document becomes that document's problem; the batch goes on.</summary>
    static (T? Value, IngestProblem? Problem) Guard<T>(RawDocument raw, string stage, Func<(T? Value, IngestProblem? Problem)> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (default, new IngestProblem(raw.File, raw.Line, $"{stage} failed: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    sealed class RunState(Action<IngestProblem>? onProblem, IProgress<IngestProgress>? progress)
    {
        public int Read { get; set; }

        public int AlreadyStored { get; set; }

        public List<DocumentSummary> Stored { get; } = [];

        public List<IngestProblem> Problems { get; } = [];

        public void Fail(IngestProblem problem)
        {
            Problems.Add(problem);
            onProblem?.Invoke(problem);
        }

        public void Report(string file) =>
            progress?.Report(new IngestProgress(file, Read, Stored.Count, AlreadyStored, Problems.Count));
    }
}
