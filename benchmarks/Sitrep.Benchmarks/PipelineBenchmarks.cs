using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Documents.Ingest;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Benchmarks;

/// <summary>
/// The whole pipeline on one core: raw FA-KES article text → cleaning, sentences, tokens, places, dates, lazy syntax,
/// event coding → events stored in SQLite, over the 760-article corpus.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Pipeline")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PipelineBenchmarks
{
    ArticlePipeline _pipeline = null!;
    IReadOnlyList<RawDocument> _docs = [];
    SqliteEventStore _store = null!;
    string _dbPath = "";

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = EventStages.Create();
        _docs = Raw(FakesCorpus.Load());
        _dbPath = Path.Combine(Path.GetTempPath(), $"sitrep-bench-{Environment.ProcessId}.db");
        _store = new SqliteEventStore(new SqliteDatabase(_dbPath, TimeProvider.System), new EventWriter(_pipeline.Extractor.Actors));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            File.Delete(f);
        }
    }

    internal static IReadOnlyList<RawDocument> Raw(IReadOnlyList<string> texts) =>
        [.. texts.Select((t, i) => new RawDocument(new DocumentId("fakes-" + i.ToString(CultureInfo.InvariantCulture)), "fakes-dev.csv", i + 2,
            ContentKind.Text, t, null, null, null, null, ImmutableSortedDictionary<string, string>.Empty))];

    /// <summary>All 760 articles, raw text to stored events.</summary>
    [Benchmark]
    public int ExtractAndStore() => Run(_pipeline, _docs, _store).Events;

    internal static (int Events, int Sentences) Run(ArticlePipeline pipeline, IReadOnlyList<RawDocument> docs, SqliteEventStore store)
    {
        var batch = new List<(string, IReadOnlyList<ConflictEvent>)>(docs.Count);
        var sentences = 0;
        foreach (var d in docs)
        {
            var r = pipeline.Run(d, DocumentOverrides.None, out _);
            if (r is not null)
            {
                sentences += r.Article.Sentences.Length;
                batch.Add((d.Id.Value, r.Events));
            }
        }

        return (store.SaveAsync(batch).GetAwaiter().GetResult(), sentences);
    }

    /// <summary>One timed pass (no BenchmarkDotNet): articles/s, sentences/s and peak working set.</summary>
    internal static void Once()
    {
        var b = new PipelineBenchmarks();
        b.Setup();
        Run(b._pipeline, b._docs.Take(50).ToList(), b._store);   // warm-up (JIT, lazy gazetteer tables)
        var sw = Stopwatch.StartNew();
        var (events, sentences) = Run(b._pipeline, b._docs, b._store);
        sw.Stop();
        var s = sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{b._docs.Count} articles, {sentences} sentences, {events} statements stored in {s:0.00} s on one thread: {b._docs.Count / s:0.0} articles/s, {sentences / s:0} sentences/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
        var sw2 = Stopwatch.StartNew();
        foreach (var d in b._docs)
        {
            b._pipeline.Documents.Run(d, DocumentOverrides.None, out _);
        }

        var segmented = b._docs.Select(d => b._pipeline.Documents.Run(d, DocumentOverrides.None, out _)).OfType<SegmentedArticle>().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage times: documents (clean, split, tokenize) {sw2.Elapsed.TotalSeconds:0.00} s"));
        var geo = Sitrep.Geo.Geoparser.Create();
        var tagger = new Sitrep.Temporal.TemporalTagger();
        sw2.Restart();
        var places = segmented.Select(a => geo.Parse(a.Article.Text, a.Sentences)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  geoparser {sw2.Elapsed.TotalSeconds:0.00} s"));
        sw2.Restart();
        var reference = new DateOnly(2016, 1, 1);
        var times = segmented.Select(a => tagger.Tag(a.Article.Text, new Sitrep.Text.TextSpan(0, a.Article.Text.Length), reference)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  temporal tagger {sw2.Elapsed.TotalSeconds:0.00} s"));
        sw2.Restart();
        for (var i = 0; i < segmented.Count; i++)
        {
            var a = segmented[i].Article;
            b._pipeline.Extractor.Extract(new EventDocument(a.Id, a.Text, segmented[i].Sentences, places[i], times[i], reference));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  event coder {sw2.Elapsed.TotalSeconds:0.00} s"));
        b.Cleanup();
    }
}
