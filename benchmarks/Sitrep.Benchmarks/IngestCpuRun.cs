using Microsoft.Data.Sqlite;
using Sitrep.Documents.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Benchmarks;

/// <summary>
/// Documented end-to-end run (<c>dotnet run -c Release -- ingest-cpu [CSV] [ROUNDS]</c>): ingest + clean +
/// segment, then the SQLite write, on one thread, timed in process CPU time (<see cref="Environment.CpuUsage"/>),
/// which a machine shared with other work distorts far less than wall time. Prints articles/s/core and
/// MB/s/core per round (round 1 includes JIT). CSV defaults to ../shared/data/corpora/fakes-dev.csv with the
/// FA-KES column map.
/// </summary>
static class IngestCpuRun
{
    const string Map = "id=unit_id,title=article_title,text=article_content,published=date,outlet=source";

    public static async Task<int> RunAsync(string[] args)
    {
        var csv = args.Length > 0 ? args[0] : FakesPath();
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        if (csv is null || !File.Exists(csv))
        {
            Console.Error.WriteLine("ingest-cpu: no CSV (../shared absent and none given)");
            return 1;
        }

        var reader = new DocumentReader(FieldMap.TryParse(Map, out _)!, IngestLimits.Default);
        var pipeline = new DocumentPipelineBuilder().Build();
        var mb = new FileInfo(csv).Length / 1e6;
        static double Cpu() => Environment.CpuUsage.TotalTime.TotalSeconds;
        for (var round = 1; round <= rounds; round++)
        {
            var c0 = Cpu();
            var prepared = new List<PreparedDocument>();
            foreach (var r in reader.ReadFile(csv))
            {
                if (r.Document is { } raw && pipeline.Processor.Prepare(raw, DocumentOverrides.None, out _) is { } p)
                {
                    prepared.Add(p);
                }
            }

            var profiles = pipeline.Profiler.Profile(prepared);
            var segmented = prepared.Select(p => pipeline.Segment(pipeline.Processor.Finish(
                p, p.Outlet is not null && profiles.TryGetValue(p.Outlet, out var op) ? op : null, DocumentOverrides.None))).ToList();
            var c1 = Cpu();
            var db = Path.Combine(Path.GetTempPath(), $"sitrep-cpu-{Guid.NewGuid():N}.db");
            var store = new SqliteDocumentStore(new SqliteDatabase(db, TimeProvider.System));
            foreach (var chunk in segmented.Chunk(200))
            {
                await store.SaveAsync(chunk);
            }

            var c2 = Cpu();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }

            var n = segmented.Count;
            Console.WriteLine(
                $"round {round}: {n} articles, {mb:0.00} MB | ingest+clean+segment {c1 - c0:0.00} CPU-s = {n / (c1 - c0):N0} articles/s/core, {mb / (c1 - c0):0.0} MB/s/core" +
                $" | + SQLite write {c2 - c1:0.00} CPU-s = {n / (c2 - c0):N0} articles/s/core");
        }

        return 0;
    }

    static string? FakesPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
        {
            dir = dir.Parent;
        }

        return dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "corpora", "fakes-dev.csv"));
    }
}
