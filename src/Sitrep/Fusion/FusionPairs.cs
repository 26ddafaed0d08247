using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Temporal;

namespace Sitrep.Fusion;

/// <summary>One hand-labelled pair of event reports: same occurrence or not.</summary>
/// <param name="Id">Pair id.</param>
/// <param name="A">First report.</param>
/// <param name="B">Second report.</param>
/// <param name="Same">Gold label.</param>
/// <param name="Reason">The annotator's reason.</param>
public sealed record FusionPair(string Id, ConflictEvent A, ConflictEvent B, bool Same, string Reason);

/// <summary>Pairwise precision/recall of the merge decision, with the pairs it got wrong.</summary>
public sealed record FusionPairScore(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, ImmutableArray<(FusionPair Pair, bool Predicted, string Reason)> Errors)
{
    /// <summary>Merged pairs that are the same event, over all merged pairs.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Same-event pairs that were merged, over all same-event pairs.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>Reads the gold pairs file (<c>tests/gold/fusion/pairs.jsonl</c>, format in docs/fusion.md) and scores the fuser on it.</summary>
public static class FusionPairs
{
    /// <summary>Loads pairs from JSONL; throws <see cref="FormatException"/> naming the line on bad input.</summary>
    public static ImmutableArray<FusionPair> Load(string path)
    {
        var list = ImmutableArray.CreateBuilder<FusionPair>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var id = root.GetProperty("id").GetString()!;
                list.Add(new FusionPair(
                    id,
                    Report(root.GetProperty("a"), id + "a"),
                    Report(root.GetProperty("b"), id + "b"),
                    root.GetProperty("label").GetString() switch
                    {
                        "same" => true,
                        "different" => false,
                        var other => throw new FormatException($"label must be same|different, not '{other}'"),
                    },
                    root.TryGetProperty("reason", out var r) ? r.GetString() ?? string.Empty : string.Empty));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNo}: {ex.Message}"), ex);
            }
        }

        return list.ToImmutable();
    }

    static ConflictEvent Report(JsonElement e, string key)
    {
        var subLabel = e.GetProperty("sub_event_type").GetString()!;
        var sub = AcledTaxonomy.ParseSubType(subLabel) ?? throw new FormatException($"unknown sub_event_type '{subLabel}'");
        var loc = e.GetProperty("location");
        var date = e.GetProperty("date");
        var start = DateOnly.ParseExact(date.GetProperty("start").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(date.GetProperty("end").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var doc = new DocumentId(e.GetProperty("doc").GetString()!);
        var span = end.DayNumber - start.DayNumber;
        return new ConflictEvent
        {
            Id = new EventId("E" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key + doc.Value)))[..15]),
            EventDate = start,
            TimePrecision = span == 0 ? TimePrecision.Day : span <= 7 ? TimePrecision.Week : TimePrecision.Month,
            DateInterval = new DateInterval(start, end),
            SubEventType = sub,
            Plover = new PloverCode("ASSAULT", null),
            Cameo = "190",
            Actor1 = Actor(e, "actor1"),
            Actor2 = Actor(e, "actor2"),
            Location = new EventLocation(
                loc.GetProperty("name").GetString()!,
                string.Empty,
                loc.GetProperty("lat").GetDouble(),
                loc.GetProperty("lon").GetDouble(),
                loc.TryGetProperty("country", out var c) ? c.GetString() ?? "SY" : "SY",
                loc.TryGetProperty("admin1", out var a1) ? a1.GetString() : null,
                null,
                loc.GetProperty("geo_precision").GetInt32()),
            Fatalities = e.TryGetProperty("fatalities", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : null,
            Sources = [new EventSource(doc, null, null, null, string.Empty, new Text.TextSpan(0, 0))],
        };
    }

    static ActorRef? Actor(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var a) || a.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var actorName = a.GetProperty("name").GetString()!;
        var kind = Enum.Parse<ActorKind>(a.GetProperty("kind").GetString()!);
        var country = a.TryGetProperty("country", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return new ActorRef(PlaceNames.Key(actorName), actorName, kind, 0, country);
    }

    /// <summary>Feeds each pair to a fresh <see cref="EventFuser"/> and compares "fused into one event" with the label.</summary>
    public static FusionPairScore Score(IEnumerable<FusionPair> pairs, FusionRule rule, ActorCompatibility actors)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(rule);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var errors = ImmutableArray.CreateBuilder<(FusionPair, bool, string)>();
        foreach (var p in pairs)
        {
            var fuser = new EventFuser(rule, actors);
            var fused = fuser.Add([p.A, p.B]);
            var merged = fused.Length == 1;
            switch ((merged, p.Same))
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, true): fn++; break;
                default: tn++; break;
            }

            if (merged != p.Same)
            {
                errors.Add((p, merged, rule.Decide(p.A, p.B).Reason));
            }
        }

        return new FusionPairScore(tp, fp, fn, tn, errors.ToImmutable());
    }
}
