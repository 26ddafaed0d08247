using System.CommandLine;
using System.Globalization;
using Sitrep.Documents.Ingest;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep extract PATH... [--map ...] [--published DATE] [--outlet NAME] [--format jsonl|csv|geojson] [--all]</c>.</summary>
static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders (txt, html, json/jsonl, csv, warc)", Arity = ArgumentArity.OneOrMore };
        var map = CommonOptions.FieldMap();
        var outlet = CommonOptions.Outlet();
        var published = new Option<string?>("--published") { Description = "Publication date (yyyy-MM-dd) imposed on every document" };
        var format = new Option<string>("--format") { Description = "jsonl, csv or geojson", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "geojson");
        var all = new Option<bool>("--all") { Description = "Also print statements that are negated, planned, threatened, feared, hypothetical or future" };
        var noStore = new Option<bool>("--no-store") { Description = "Do not write to the database" };
        var cmd = new Command("extract", "Run the whole pipeline, store the events and print them") { paths, map, published, outlet, format, all, noStore };
        cmd.SetAction(async (parse, ct) =>
        {
            var fieldMap = FieldMap.TryParse(parse.GetValue(map), out var mapError);
            if (fieldMap is null)
            {
                await Console.Error.WriteLineAsync($"sitrep extract: {mapError}").ConfigureAwait(false);
                return 2;
            }

            DateOnly? pub = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    await Console.Error.WriteLineAsync($"sitrep: --published must be yyyy-MM-dd, not '{p}'").ConfigureAwait(false);
                    return 2;
                }

                pub = d;
            }

            var pipeline = EventStages.Create(Console.Error);
            var writer = new EventWriter(pipeline.Extractor.Actors);
            var reader = new DocumentReader(fieldMap, IngestLimits.Default);
            var overrides = new DocumentOverrides(pub, parse.GetValue(outlet));
            var results = new List<ArticleEvents>();
            var failed = 0;
            foreach (var item in reader.Read(parse.GetValue(paths)!, ct))
            {
                if (item.Problem is { } problem)
                {
                    failed++;
                    await Console.Error.WriteLineAsync($"sitrep: {problem.File}: {problem.Reason}").ConfigureAwait(false);
                    continue;
                }

                try
                {
                    var r = pipeline.Run(item.Document!, overrides, out var prob);
                    if (r is null)
                    {
                        failed++;
                        await Console.Error.WriteLineAsync($"sitrep: {prob?.File}: {prob?.Reason}").ConfigureAwait(false);
                        continue;
                    }

                    results.Add(r);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed++;
                    await Console.Error.WriteLineAsync($"sitrep: {item.Document!.Origin}: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
                }
            }

            if (!parse.GetValue(noStore))
            {
                var db = new SqliteDatabase(parse.GetValue(CommonOptions.Db)!, TimeProvider.System);
                // The documents too, so `docs`, `show` and the reports' citations see what was extracted.
                await new SqliteDocumentStore(db).SaveAsync([.. results.Select(r => r.Article)], ct).ConfigureAwait(false);
                var store = new SqliteEventStore(db, writer);
                await store.SaveAsync([.. results.Select(r => (r.Article.Article.Id.Value, (IReadOnlyList<ConflictEvent>)r.Events))], ct).ConfigureAwait(false);
            }

            var events = results.SelectMany(r => parse.GetValue(all) ? r.Events : r.Asserted).ToList();
            var stdout = Console.Out;
            switch (parse.GetValue(format))
            {
                case "csv":
                    await stdout.WriteLineAsync(EventWriter.CsvHeader()).ConfigureAwait(false);
                    foreach (var e in events)
                    {
                        await stdout.WriteLineAsync(writer.ToCsvRow(e)).ConfigureAwait(false);
                    }

                    break;
                case "geojson":
                    await stdout.FlushAsync(ct).ConfigureAwait(false);
                    using (var os = Console.OpenStandardOutput())
                    {
                        writer.WriteGeoJson(events, os);
                    }

                    Console.WriteLine();
                    break;
                default:
                    foreach (var e in events)
                    {
                        await stdout.WriteLineAsync(writer.ToJsonLine(e)).ConfigureAwait(false);
                    }

                    break;
            }

            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"sitrep: {results.Count} documents, {events.Count} events printed ({results.Sum(r => r.Events.Length)} statements coded), {failed} failed")).ConfigureAwait(false);
            return failed > 0 ? 1 : 0;
        });
        return cmd;
    }
}
