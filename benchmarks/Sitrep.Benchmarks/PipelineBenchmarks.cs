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

    internal static (int Events, int Sentences, int Parsed) Run(ArticlePipeline pipeline, IReadOnlyList<RawDocument> docs, SqliteEventStore store)
    {
        var batch = new List<(string, IReadOnlyList<ConflictEvent>)>(docs.Count);
        var sentences = 0;
        var parsed = 0;
        foreach (var d in docs)
        {
            var r = pipeline.Run(d, DocumentOverrides.None, out _);
            if (r is not null)
            {
                sentences += r.Article.Sentences.Length;
                parsed += r.ParsedSentences;
                batch.Add((d.Id.Value, r.Events));
            }
        }

        return (store.SaveAsync(batch).GetAwaiter().GetResult(), sentences, parsed);
    }

    /// <summary>One timed pass (no BenchmarkDotNet): articles/s, sentences/s and peak working set.</summary>
    internal static void Once()
    {
        var b = new PipelineBenchmarks();
        b.Setup();
        Run(b._pipeline, b._docs.Take(50).ToList(), b._store);   // warm-up (JIT, lazy gazetteer tables)
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var (events, sentences, parsedSentences) = Run(b._pipeline, b._docs, b._store);
        sw.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var s = sw.Elapsed.TotalSeconds;
        // On a shared machine wall time mostly measures the load; CPU time of the pass is the per-core figure (GC threads included).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU time of the timed pass {cpu:0.00} s: {b._docs.Count / cpu:0.0} articles per CPU-second"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{b._docs.Count} articles, {sentences} sentences, {events} statements stored in {s:0.00} s on one thread: {b._docs.Count / s:0.0} articles/s, {sentences / s:0} sentences/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process CPU time of the timed pass {cpu:0.00} s: {b._docs.Count / cpu:0.0} articles per CPU-second; {parsedSentences} sentences parsed (lazy, trigger sentences only)"));
        // The same pass without the syntax parser (positional roles only), to separate the parse's share under the same load.
        var positional = new ArticlePipeline(b._pipeline.Documents, b._pipeline.Extractor, Sitrep.Geo.Geoparser.Create(), new Sitrep.Temporal.TemporalTagger());
        Run(positional, b._docs.Take(50).ToList(), b._store);
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        Run(positional, b._docs, b._store);
        var cpuPositional = (Process.GetCurrentProcess().TotalProcessorTime - cpu1).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"without the parser: {cpuPositional:0.00} CPU s ({b._docs.Count / cpuPositional:0.0} articles per CPU-second); the parse's share {cpu - cpuPositional:0.00} CPU s"));
        // The same pass with the syntax layer timed on its own, to split the parse from the role code that reads it.
        var timed = new TimedSyntax(Sitrep.Syntax.SyntaxParser.LoadDefault());
        var withTimer = new ArticlePipeline(b._pipeline.Documents, b._pipeline.Extractor, Sitrep.Geo.Geoparser.Create(), new Sitrep.Temporal.TemporalTagger(), timed);
        Run(withTimer, b._docs, b._store);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"syntax layer alone: {timed.Sentences} sentences, {timed.Tokens} tokens ({timed.Tokens / (double)Math.Max(1, timed.Sentences):0.0} per sentence) in {timed.CpuSeconds:0.00} CPU s ({timed.Seconds:0.00} s wall) inside Parse: {timed.Tokens / timed.CpuSeconds:0} tokens per CPU-second"));
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

/// <summary>Times the calls into a syntax parser (wall time inside <see cref="Parse"/>; one thread).</summary>
sealed class TimedSyntax(Sitrep.Syntax.ISyntaxParser inner) : Sitrep.Syntax.ISyntaxParser
{
    readonly Stopwatch _watch = new();
    TimeSpan _cpu;

    public int Sentences { get; private set; }

    public long Tokens { get; private set; }

    public double Seconds => _watch.Elapsed.TotalSeconds;

    public double CpuSeconds => _cpu.TotalSeconds;

    public Sitrep.Syntax.ParsedSentence Parse(Sitrep.Text.Sentence sentence)
    {
        var c0 = Environment.CpuUsage.TotalTime;
        _watch.Start();
        var p = inner.Parse(sentence);
        _watch.Stop();
        _cpu += Environment.CpuUsage.TotalTime - c0;
        Sentences++;
        Tokens += sentence.Tokens.Length;
        return p;
    }
}
