using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Sitrep.Documents.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Benchmarks;

/// <summary>
/// Ingest end to end on one thread over ../shared/data/corpora/fakes-dev.csv (760 articles, 1.50 MB): read
/// and map the CSV, extract/clean/date, outlet profiles, split sentences and tokenize; the second benchmark
/// also writes everything to a fresh SQLite file. One operation = the whole corpus, so articles/s/core =
/// 760 / mean and MB/s/core = 1.50 / mean. Does no work when ../shared is absent.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Ingest")]
public class IngestBenchmarks
{
    const string Map = "id=unit_id,title=article_title,text=article_content,published=date,outlet=source";
    string? _csv;
    DocumentPipeline _pipeline = null!;
    DocumentReader _reader = null!;
    string _dbPath = "";
    List<PreparedDocument> _prepared = [];
    List<Sitrep.Documents.Article> _articles = [];
    List<SegmentedArticle> _segmented = [];

    [GlobalSetup]
    public void Setup()
    {
        _csv = CsvPath();
        _pipeline = new DocumentPipelineBuilder().Build();
        _reader = new DocumentReader(FieldMap.TryParse(Map, out _)!, IngestLimits.Default);
        Console.WriteLine(_csv is null
            ? "// fakes-dev.csv absent: nothing to measure"
            : $"// {_csv}: {new FileInfo(_csv).Length / 1e6:0.00} MB, {IngestCleanSegment()} articles");
        if (_csv is not null)
        {
            _prepared = [.. _reader.ReadFile(_csv).Select(r => _pipeline.Processor.Prepare(r.Document!, DocumentOverrides.None, out _)!)];
            _articles = [.. _prepared.Select(p => _pipeline.Processor.Finish(p, null, DocumentOverrides.None))];
            _segmented = [.. _articles.Select(_pipeline.Segment)];
        }
    }

    /// <summary>Stage: read and map the CSV only.</summary>
    [Benchmark]
    public int ReadOnly() => _csv is null ? 0 : _reader.ReadFile(_csv).Count(r => r.Document is not null);

    /// <summary>Stage: clean and date (profiles included), from prepared documents.</summary>
    [Benchmark]
    public int CleanOnly()
    {
        var profiles = _pipeline.Profiler.Profile(_prepared);
        var n = 0;
        foreach (var p in _prepared)
        {
            var profile = p.Outlet is not null && profiles.TryGetValue(p.Outlet, out var op) ? op : null;
            n += _pipeline.Processor.Finish(p, profile, DocumentOverrides.None).Text.Length;
        }

        return n;
    }

    /// <summary>Stage: sentences and tokens, from cleaned articles.</summary>
    [Benchmark]
    public int SegmentOnly() => _articles.Sum(a => _pipeline.Segment(a).Sentences.Length);

    static string? CsvPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
        {
            dir = dir.Parent;
        }

        var path = dir is null ? null : Path.Combine(dir.FullName, "..", "shared", "data", "corpora", "fakes-dev.csv");
        return path is not null && File.Exists(path) ? Path.GetFullPath(path) : null;
    }

    /// <summary>Read + clean + segment, no store.</summary>
    [Benchmark]
    public int IngestCleanSegment()
    {
        if (_csv is null)
        {
            return 0;
        }

        var prepared = new List<PreparedDocument>();
        foreach (var r in _reader.ReadFile(_csv))
        {
            if (r.Document is { } raw && _pipeline.Processor.Prepare(raw, DocumentOverrides.None, out _) is { } p)
            {
                prepared.Add(p);
            }
        }

        var profiles = _pipeline.Profiler.Profile(prepared);
        var sentences = 0;
        foreach (var p in prepared)
        {
            var profile = p.Outlet is not null && profiles.TryGetValue(p.Outlet, out var op) ? op : null;
            sentences += _pipeline.Segment(_pipeline.Processor.Finish(p, profile, DocumentOverrides.None)).Sentences.Length;
        }

        return prepared.Count + (sentences * 0);
    }

    /// <summary>Stage: the SQLite write alone (760 segmented articles into a fresh file, transactions of 200).</summary>
    [Benchmark]
    public async Task<int> StoreOnly()
    {
        var store = new SqliteDocumentStore(new SqliteDatabase(_dbPath, TimeProvider.System));
        var n = 0;
        foreach (var chunk in _segmented.Chunk(200))
        {
            n += await store.SaveAsync(chunk);
        }

        return n;
    }

    [IterationSetup(Targets = [nameof(IngestCleanSegmentStore), nameof(StoreOnly)])]
    public void FreshDatabase()
    {
        SqliteConnection.ClearAllPools();
        _dbPath = Path.Combine(Path.GetTempPath(), $"sitrep-bench-{Guid.NewGuid():N}.db");
    }

    [IterationCleanup(Targets = [nameof(IngestCleanSegmentStore), nameof(StoreOnly)])]
    public void DropDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_dbPath + suffix);
        }
    }

    /// <summary>Read + clean + segment + SQLite write (transactions of 200), as <c>sitrep ingest</c> does, on one thread.</summary>
    [Benchmark]
    public async Task<int> IngestCleanSegmentStore()
    {
        if (_csv is null)
        {
            return 0;
        }

        var store = new SqliteDocumentStore(new SqliteDatabase(_dbPath, TimeProvider.System));
        var runner = new IngestRunner(_pipeline, store) { Parallelism = 1 };
        var report = await runner.RunAsync(_reader.ReadFile(_csv), DocumentOverrides.None);
        return report.Stored.Length;
    }
}
