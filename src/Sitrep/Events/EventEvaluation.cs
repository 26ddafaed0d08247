using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sitrep.Temporal;

namespace Sitrep.Events;

/// <summary>One gold event of tests/gold/events/events.jsonl.</summary>
public sealed record GoldEvent(string Doc, AcledSubEventType SubType, string? Actor1, string? Actor2, EventLocation Location,
    DateInterval Window, int? Fatalities, string? TerritoryFrom, string? TerritoryTo, bool HasTerritory, string? Trigger);

/// <summary>One annotated document of documents.jsonl.</summary>
public sealed record GoldDocument(string Doc, string Source, DateOnly? Published);

/// <summary>Precision/recall/F1 and per-field accuracy over matches.</summary>
public sealed record EventScores(int Gold, int Predicted, int Matched, int SubType, int Actor1, int Actor2, int Fatalities, int Territory, int Date, int Place)
{
    /// <summary>Precision.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    /// <summary>Recall.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    /// <summary>F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    /// <summary>Share of matches where a field is right.</summary>
    public double Accuracy(int n) => Matched == 0 ? 0 : (double)n / Matched;

    /// <summary>Sum of two score sets.</summary>
    public static EventScores operator +(EventScores a, EventScores b) => new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Matched + b.Matched,
        a.SubType + b.SubType, a.Actor1 + b.Actor1, a.Actor2 + b.Actor2, a.Fatalities + b.Fatalities, a.Territory + b.Territory, a.Date + b.Date, a.Place + b.Place);

    /// <summary>Nothing.</summary>
    public static EventScores Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Same as <c>+</c>.</summary>
    public static EventScores Add(EventScores a, EventScores b) => a + b;
}

/// <summary>
/// Scores coded events against gold: a match is the same document, compatible type (<see cref="EventMatcher.TypesCompatible"/>),
/// place within 25 km (or the same admin1 when either side has geo precision 3) and a date interval meeting the gold window;
/// matching is one-to-one, greedy on (same sub-type, distance). Over matches: sub-type, actor1, actor2, fatalities, territory,
/// date (event date inside the gold window) and place (within 5 km, or the same admin1 for precision 3 on either side).
/// </summary>
public static class EventEvaluation
{
    /// <summary>Reads documents.jsonl.</summary>
    public static ImmutableArray<GoldDocument> ReadDocuments(string path) =>
        [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l =>
        {
            using var j = JsonDocument.Parse(l);
            var r = j.RootElement;
            return new GoldDocument(r.GetProperty("doc").GetString()!, r.GetProperty("source").GetString()!, Date(r, "published"));
        })];

    /// <summary>Reads events.jsonl.</summary>
    public static ImmutableArray<GoldEvent> ReadEvents(string path) =>
        [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l =>
        {
            using var j = JsonDocument.Parse(l);
            var r = j.RootElement;
            var loc = r.GetProperty("location");
            var date = r.GetProperty("date");
            var terr = r.TryGetProperty("territory", out var t) && t.ValueKind == JsonValueKind.Object ? t : (JsonElement?)null;
            var sub = AcledTaxonomy.ParseSubType(r.GetProperty("sub_event_type").GetString()!) ?? throw new InvalidDataException($"{path}: unknown sub_event_type in {l}");
            return new GoldEvent(r.GetProperty("doc").GetString()!, sub, Str(r, "actor1"), Str(r, "actor2"),
                new EventLocation(Str(loc, "name") ?? "", "", loc.GetProperty("lat").GetDouble(), loc.GetProperty("lon").GetDouble(), Str(loc, "country") ?? "",
                    Str(loc, "admin1"), null, loc.TryGetProperty("geo_precision", out var gp) ? gp.GetInt32() : 1),
                new DateInterval(Date(date, "start")!.Value, Date(date, "end")!.Value),
                r.TryGetProperty("fatalities", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : null,
                terr is { } te ? Str(te, "from") : null, terr is { } te2 ? Str(te2, "to") : null, terr is not null, Str(r, "trigger"));
        })];

    static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static DateOnly? Date(JsonElement e, string name) => Str(e, name) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <summary>Scores the asserted <paramref name="predicted"/> events of one document against its gold events.</summary>
    public static (EventScores Scores, ImmutableArray<(GoldEvent Gold, ConflictEvent Pred)> Matches) Score(IReadOnlyList<GoldEvent> gold, IReadOnlyList<ConflictEvent> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var candidates = new List<(int G, int P, int Rank, double Km)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                var e = predicted[p];
                if (!EventMatcher.TypesCompatible(gold[g].SubType, e.SubEventType) || e.Location is null
                    || !EventMatcher.PlacesCompatible(gold[g].Location, e.Location, 25) || !gold[g].Window.Overlaps(e.DateInterval))
                {
                    continue;
                }

                candidates.Add((g, p, gold[g].SubType == e.SubEventType ? 0 : 1, EventMatcher.DistanceKm(gold[g].Location, e.Location)));
            }
        }

        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        var matches = ImmutableArray.CreateBuilder<(GoldEvent, ConflictEvent)>();
        foreach (var c in candidates.OrderBy(c => c.Rank).ThenBy(c => c.Km))
        {
            if (usedG.Contains(c.G) || usedP.Contains(c.P))
            {
                continue;
            }

            usedG.Add(c.G);
            usedP.Add(c.P);
            matches.Add((gold[c.G], predicted[c.P]));
        }

        int sub = 0, a1 = 0, a2 = 0, fat = 0, terr = 0, date = 0, place = 0;
        foreach (var (g, p) in matches)
        {
            sub += g.SubType == p.SubEventType ? 1 : 0;
            a1 += SameActor(g.Actor1, p.Actor1) ? 1 : 0;
            a2 += SameActor(g.Actor2, p.Actor2) ? 1 : 0;
            fat += g.Fatalities == p.Fatalities ? 1 : 0;
            terr += (!g.HasTerritory && p.Territory is null) || (g.HasTerritory && p.Territory is { } t && SameActor(g.TerritoryFrom, t.From) && SameActor(g.TerritoryTo, t.To)) ? 1 : 0;
            date += g.Window.Start <= p.EventDate && p.EventDate <= g.Window.End ? 1 : 0;
            place += EventMatcher.PlacesCompatible(g.Location, p.Location, 5) ? 1 : 0;
        }

        return (new EventScores(gold.Count, predicted.Count, matches.Count, sub, a1, a2, fat, terr, date, place), matches.ToImmutable());
    }

    static bool SameActor(string? gold, ActorRef? pred) =>
        gold is null ? pred is null : pred is not null && string.Equals(gold, pred.Name, StringComparison.OrdinalIgnoreCase);
}
