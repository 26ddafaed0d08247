using System.CommandLine;
using System.Globalization;
using Sitrep.Documents.Ingest;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval events [GOLD_DIR]</c>: P/R/F1 and field accuracy of the event coder against the gold events.</summary>
static class EvalEventsCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("gold") { Description = "Gold folder (documents.jsonl, events.jsonl)", DefaultValueFactory = _ => Path.Combine("tests", "gold", "events") };
        var shared = new Option<string>("--shared") { Description = "The shared data folder", DefaultValueFactory = _ => Path.Combine("..", "shared") };
        var verbose = new Option<bool>("--verbose") { Description = "Print misses and extras per document" };
        var cmd = new Command("events", "Event coding P/R/F1 and accuracy of sub-type, actors, fatalities, territory, date, place") { gold, shared, verbose };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(gold)!;
            var sharedDir = parse.GetValue(shared)!;
            var docsPath = Path.Combine(dir, "documents.jsonl");
            var eventsPath = Path.Combine(dir, "events.jsonl");
            if (!File.Exists(docsPath) || !File.Exists(eventsPath))
            {
                Console.Error.WriteLine($"sitrep: {dir} needs documents.jsonl and events.jsonl");
                return 1;
            }

            if (!Directory.Exists(sharedDir))
            {
                Console.Error.WriteLine($"sitrep: shared data folder not found: {sharedDir}");
                return 1;
            }

            var docs = EventEvaluation.ReadDocuments(docsPath);
            var goldEvents = EventEvaluation.ReadEvents(eventsPath).ToLookup(e => e.Doc, StringComparer.Ordinal);
            var pipeline = EventStages.Create(Console.Error);
            var raws = LoadDocuments(docs, sharedDir);
            var totals = new Dictionary<string, EventScores>(StringComparer.Ordinal);
            foreach (var d in docs)
            {
                if (!raws.TryGetValue(d.Doc, out var raw))
                {
                    Console.Error.WriteLine($"sitrep: {d.Doc}: not found in {sharedDir}");
                    continue;
                }

                var result = pipeline.Run(raw, new DocumentOverrides(d.Published), out var problem);
                var predicted = result?.Asserted.ToList() ?? [];
                if (problem is not null)
                {
                    Console.Error.WriteLine($"sitrep: {d.Doc}: {problem.Reason}");
                }

                var g = goldEvents[d.Doc].ToList();
                var (scores, matches) = EventEvaluation.Score(g, predicted);
                totals[d.Source] = (totals.TryGetValue(d.Source, out var t) ? t : EventScores.Zero) + scores;
                if (parse.GetValue(verbose))
                {
                    PrintDetails(d.Doc, g, predicted, matches);
                }
            }

            Console.WriteLine("set         docs  gold  pred  match     P      R     F1  | sub-type actor1 actor2 fatal. territ.  date  place");
            foreach (var (name, s) in totals.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-10} {docs.Count(d => d.Source == name),5} {s.Gold,5} {s.Predicted,5} {s.Matched,6} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000}  |   {s.Accuracy(s.SubType),5:0.000}  {s.Accuracy(s.Actor1),5:0.000}  {s.Accuracy(s.Actor2),5:0.000}  {s.Accuracy(s.Fatalities),5:0.000}   {s.Accuracy(s.Territory),5:0.000} {s.Accuracy(s.Date),5:0.000}  {s.Accuracy(s.Place),5:0.000}"));
            }

            return 0;
        });
        return cmd;
    }

    static Dictionary<string, RawDocument> LoadDocuments(IReadOnlyList<GoldDocument> docs, string shared)
    {
        var result = new Dictionary<string, RawDocument>(StringComparer.Ordinal);
        var reader = new DocumentReader();
        foreach (var d in docs.Where(d => d.Source == "seeds"))
        {
            var path = Path.Combine(shared, "seeds", d.Doc + ".txt");
            if (File.Exists(path) && reader.ReadFile(path).Select(r => r.Document).FirstOrDefault() is { } raw)
            {
                result[d.Doc] = raw;
            }
        }

        var wanted = docs.Where(d => d.Source == "fakes-dev").Select(d => d.Doc["fakes:".Length..]).ToHashSet(StringComparer.Ordinal);
        var csv = Path.Combine(shared, "data", "corpora", "fakes-dev.csv");
        if (wanted.Count > 0 && File.Exists(csv))
        {
            var map = FieldMap.TryParse("id=unit_id,title=article_title,text=article_content,published=date,outlet=source", out _)!;
            foreach (var item in new DocumentReader(map, IngestLimits.Default).ReadFile(csv))
            {
                if (item.Document is { } raw && wanted.Contains(raw.Id.Value))
                {
                    result["fakes:" + raw.Id.Value] = raw;
                }
            }
        }

        return result;
    }

    static void PrintDetails(string doc, List<GoldEvent> gold, List<ConflictEvent> predicted, System.Collections.Immutable.ImmutableArray<(GoldEvent Gold, ConflictEvent Pred)> matches)
    {
        Console.WriteLine($"== {doc}");
        foreach (var (g, p) in matches)
        {
            // Fields the match gets wrong, as scored by EventEvaluation (place: more than 5 km, or another admin1 at precision 3).
            var wrong = string.Join(",", new[]
            {
                g.SubType != p.SubEventType ? "sub" : null,
                !string.Equals(g.Actor1, p.Actor1?.Name, StringComparison.OrdinalIgnoreCase) ? "a1" : null,
                !string.Equals(g.Actor2, p.Actor2?.Name, StringComparison.OrdinalIgnoreCase) ? "a2" : null,
                g.Fatalities != p.Fatalities ? "fat" : null,
                g.Window.Start > p.EventDate || p.EventDate > g.Window.End ? "date" : null,
                p.Location is null || !EventMatcher.PlacesCompatible(g.Location, p.Location, 5)
                    ? string.Create(CultureInfo.InvariantCulture, $"place({(p.Location is null ? -1 : EventMatcher.DistanceKm(g.Location, p.Location)):0}km)") : null,
            }.Where(x => x is not null));
            Console.WriteLine($"  MATCH{(wrong.Length == 0 ? "" : " !" + wrong)} {AcledTaxonomy.Label(g.SubType)} {g.Actor1}/{g.Actor2} @{g.Location.Name} fat={g.Fatalities} || {AcledTaxonomy.Label(p.SubEventType)} {p.Actor1?.Name}/{p.Actor2?.Name} @{p.Location?.Name} fat={p.Fatalities} date={p.EventDate:yyyy-MM-dd} [{p.Roles}] '{p.Trigger}' :: {(p.Sources.IsDefaultOrEmpty ? "" : p.Sources[0].Sentence[..Math.Min(160, p.Sources[0].Sentence.Length)])}");
        }

        foreach (var g in gold.Where(g => !matches.Any(m => m.Gold == g)))
        {
            // Why the nearest unmatched prediction of a compatible type did not match: distance and date window.
            var near = predicted.Where(p => !matches.Any(m => m.Pred == p) && p.Location is not null && EventMatcher.TypesCompatible(g.SubType, p.SubEventType))
                .OrderBy(p => EventMatcher.DistanceKm(g.Location, p.Location!)).FirstOrDefault();
            var why = near is null ? "" : string.Create(CultureInfo.InvariantCulture,
                $"  ~ nearest {AcledTaxonomy.Label(near.SubEventType)} @{near.Location!.Name} (p{near.Location.GeoPrecision} {near.Location.Admin1}) {EventMatcher.DistanceKm(g.Location, near.Location):0} km, {near.DateInterval.Start:yyyy-MM-dd}..{near.DateInterval.End:yyyy-MM-dd}");
            Console.WriteLine($"  MISS  {AcledTaxonomy.Label(g.SubType)} {g.Actor1}/{g.Actor2} @{g.Location.Name} {g.Window.Start:yyyy-MM-dd}..{g.Window.End:yyyy-MM-dd} '{g.Trigger}'{why}");
        }

        foreach (var p in predicted.Where(p => !matches.Any(m => m.Pred == p)))
        {
            Console.WriteLine($"  EXTRA {AcledTaxonomy.Label(p.SubEventType)} {p.Actor1?.Name}/{p.Actor2?.Name} @{p.Location?.Name} {p.EventDate:yyyy-MM-dd} '{p.Trigger}' :: {(p.Sources.IsDefaultOrEmpty ? "" : p.Sources[0].Sentence[..Math.Min(400, p.Sources[0].Sentence.Length)])} [{p.Roles}] n={p.Sources.Length}");
        }
    }
}
