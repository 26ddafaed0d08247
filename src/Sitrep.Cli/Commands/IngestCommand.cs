using System.CommandLine;
using Sitrep.Documents.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep ingest PATH... [--map ...] [--published DATE] [--outlet NAME] [--format ...]</c>: reads files and
/// folders, cleans and segments every document and stores it; prints what was stored, lists every failed input
/// on stderr as <c>file:line: reason</c>. Exit 0 ok, 1 some inputs failed, 2 usage error.
/// </summary>
static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders (recursive): .txt .html .htm .json .jsonl .csv .warc, each optionally .gz",
            Arity = ArgumentArity.OneOrMore,
        };
        var map = CommonOptions.FieldMap();
        var published = new Option<string?>("--published") { Description = "Publication date for every document (overrides all others), e.g. 2017-11-11" };
        var outlet = CommonOptions.Outlet();
        var format = OutputFormatOption.Create();
        var cmd = new Command("ingest", "Read, clean, date and segment articles and store them") { paths, map, published, outlet, format };
        cmd.SetAction((parse, ct) => StoreErrors.Guard("ingest", parse.GetValue(CommonOptions.Db)!, async () =>
        {
            var fieldMap = FieldMap.TryParse(parse.GetValue(map), out var mapError);
            if (fieldMap is null)
            {
                await Console.Error.WriteLineAsync($"sitrep ingest: {mapError}");
                return 2;
            }

            DateOnly? forced = null;
            if (parse.GetValue(published) is { } publishedText)
            {
                forced = InputDateParser.Parse(publishedText);
                if (forced is null)
                {
                    await Console.Error.WriteLineAsync($"sitrep ingest: --published: '{publishedText}' is not a date (use yyyy-MM-dd)");
                    return 2;
                }
            }

            var inputs = parse.GetValue(paths) ?? [];
            var overrides = new DocumentOverrides(forced, parse.GetValue(outlet));
            var pipeline = new DocumentPipelineBuilder().Build();
            var database = new SqliteDatabase(parse.GetValue(CommonOptions.Db)!, TimeProvider.System);
            var runner = new IngestRunner(pipeline, new SqliteDocumentStore(database));
            var reader = new DocumentReader(fieldMap, IngestLimits.Default);

            var (files, bytes) = CountFiles(inputs);
            var fileIndex = 0;
            string? lastFile = null;
            using var bar = new ProgressBar();
            var progress = new SyncProgress(p =>
            {
                if (!string.Equals(p.CurrentFile, lastFile, StringComparison.Ordinal))
                {
                    lastFile = p.CurrentFile;
                    fileIndex++;
                }

                bar.Update(Math.Min(fileIndex, files), files, $"files, {p.Read:N0} read, {p.Stored:N0} stored, {p.Failed:N0} failed");
            });
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var report = await runner.RunAsync(reader.Read(inputs, ct), overrides, problem => bar.WriteLine(problem.ToString()), progress, ct);
            bar.Dispose();
            var wall = clock.Elapsed.TotalSeconds;
            var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;

            DocumentOutput.Write(report.Stored, parse.GetValue(format), Console.Out);
            await Console.Error.WriteLineAsync(
                $"ingest: {report.Read:N0} read, {report.Stored.Length:N0} stored, {report.AlreadyStored:N0} already stored, {report.Problems.Length:N0} failed" +
                $" in {wall:0.00} s ({cpu:0.00} CPU-s; {report.Read / Math.Max(cpu, 1e-3):N0} articles and {bytes / 1e6 / Math.Max(cpu, 1e-3):0.0} MB per CPU-s)");
            return report.Problems.Length > 0 ? 1 : 0;
        }));
        return cmd;
    }

    /// <summary>Input files and their total size in bytes (as stored, i.e. compressed for .gz).</summary>
    static (int Files, long Bytes) CountFiles(IEnumerable<string> paths)
    {
        var n = 0;
        long bytes = 0;
        foreach (var p in paths)
        {
            var files = Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => DocumentReader.FormatOf(f) != InputFormat.Unknown)
                : File.Exists(p) ? [p] : [];
            foreach (var f in files)
            {
                n++;
                bytes += new FileInfo(f).Length;
            }
        }

        return (Math.Max(n, 1), bytes);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
