using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Reports;

/// <summary>
/// The JSONL event format of <c>sitrep extract --format jsonl</c> (issue 5): one event per line with
/// event_id, event_date, time_precision, date_interval, event_type, sub_event_type, plover, cameo, actors,
/// civilian_targeting, location, fatalities, injured, territory, factuality, reported_by, sources, confidence.
/// Fused exports add <c>fatalities_range</c>, <c>independent_sources</c>, <c>reports</c> and <c>conflicts</c>.
/// </summary>
public static class EventJson
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The event as a JSON object.</summary>
    public static JsonObject ToJson(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new JsonObject
        {
            ["event_id"] = e.Id.Value,
            ["event_date"] = Date(e.EventDate),
            ["time_precision"] = (int)e.TimePrecision,
            ["date_interval"] = new JsonObject { ["start"] = Date(e.DateInterval.Start), ["end"] = Date(e.DateInterval.End) },
            ["event_type"] = AcledTaxonomy.Label(e.EventType),
            ["sub_event_type"] = AcledTaxonomy.Label(e.SubEventType),
            ["plover"] = new JsonObject { ["type"] = e.Plover.Type, ["mode"] = e.Plover.Mode },
            ["cameo"] = e.Cameo,
            ["actor1"] = Actor(e.Actor1),
            ["assoc_actor_1"] = new JsonArray([.. e.AssocActor1.Select(a => (JsonNode?)Actor(a))]),
            ["actor2"] = Actor(e.Actor2),
            ["assoc_actor_2"] = new JsonArray([.. e.AssocActor2.Select(a => (JsonNode?)Actor(a))]),
            ["civilian_targeting"] = e.CivilianTargeting,
            ["location"] = e.Location is { } l ? Location(l) : null,
            ["fatalities"] = e.Fatalities,
            ["injured"] = e.Injured,
            ["territory"] = e.Territory is { } t ? new JsonObject
            {
                ["place"] = t.Place.Name,
                ["place_id"] = t.Place.PlaceId,
                ["from"] = Actor(t.From),
                ["to"] = Actor(t.To),
                ["date"] = Date(t.Date),
                ["kind"] = t.Kind.ToString(),
            } : null,
            ["factuality"] = e.Factuality.ToString(),
            ["reported_by"] = new JsonArray([.. e.ReportedBy.Select(r => (JsonNode?)r)]),
            ["sources"] = new JsonArray([.. e.Sources.Select(s => (JsonNode?)new JsonObject
            {
                ["doc_id"] = s.DocumentId.Value,
                ["outlet"] = s.Outlet,
                ["url"] = s.Url,
                ["published"] = s.Published is { } p ? Date(p) : null,
                ["sentence"] = s.Sentence,
                ["start"] = s.Span.Start,
                ["end"] = s.Span.End,
            })]),
            ["confidence"] = e.Confidence,
            ["summary"] = e.Summary,
        };
    }

    static string? Date(DateOnly d) => EventWriter.IsoDateOrNull(d);

    static JsonObject? Actor(ActorRef? a) => a is null ? null : new JsonObject
    {
        ["id"] = a.Id,
        ["name"] = a.Name,
        ["kind"] = a.Kind.ToString(),
        ["inter"] = a.AcledInter,
        ["country"] = a.Country,
    };

    static JsonObject Location(EventLocation l) => new()
    {
        ["name"] = l.Name,
        ["id"] = l.PlaceId,
        ["latitude"] = l.Latitude,
        ["longitude"] = l.Longitude,
        ["country"] = l.Country,
        ["admin1"] = l.Admin1,
        ["admin2"] = l.Admin2,
        ["geo_precision"] = l.GeoPrecision,
    };

    /// <summary>Reads one event object; tolerant of missing optional fields and of actor names given as plain strings.</summary>
    public static ConflictEvent FromJson(JsonElement e)
    {
        var sub = AcledTaxonomy.ParseSubType(Str(e, "sub_event_type") ?? string.Empty)
            ?? throw new FormatException($"unknown sub_event_type '{Str(e, "sub_event_type")}'");
        var interval = e.TryGetProperty("date_interval", out var di) && di.ValueKind == JsonValueKind.Object
            ? new DateInterval(Str(di, "start") is { } ds ? ParseDate(ds) : DateOnly.MinValue, Str(di, "end") is { } de ? ParseDate(de) : DateOnly.MaxValue)
            : (DateInterval?)null;

        // An explicit null is an undated report (EventWriter writes no 0001-01-01); a missing field is malformed.
        var undated = e.TryGetProperty("event_date", out var edv) && edv.ValueKind == JsonValueKind.Null;
        var date = Str(e, "event_date") is { } ed ? ParseDate(ed) : undated ? DateOnly.MinValue : interval?.Start ?? throw new FormatException("event_date missing");
        var location = e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? ReadLocation(l) : null;
        TerritoryChange? territory = null;
        if (e.TryGetProperty("territory", out var t) && t.ValueKind == JsonValueKind.Object && location is not null)
        {
            territory = new TerritoryChange(
                Str(t, "place") is { } pn && !string.Equals(pn, location.Name, StringComparison.Ordinal) ? location with { Name = pn } : location,
                ReadActor(t, "from"),
                ReadActor(t, "to"),
                Str(t, "date") is { } td ? ParseDate(td) : date)
            {
                Kind = Str(t, "kind") is { } k && Enum.TryParse<TerritoryChangeKind>(k, true, out var kind) ? kind : TerritoryChangeKind.Capture,
            };
        }

        return new ConflictEvent
        {
            Id = new EventId(Str(e, "event_id") ?? throw new FormatException("event_id missing")),
            EventDate = date,
            TimePrecision = e.TryGetProperty("time_precision", out var tp) && tp.ValueKind == JsonValueKind.Number ? (TimePrecision)tp.GetInt32() : TimePrecision.Day,
            DateInterval = interval ?? new DateInterval(date, date),
            SubEventType = sub,
            Plover = e.TryGetProperty("plover", out var pl) && pl.ValueKind == JsonValueKind.Object
                ? new PloverCode(Str(pl, "type") ?? string.Empty, Str(pl, "mode")) : new PloverCode(string.Empty, null),
            Cameo = Str(e, "cameo") ?? string.Empty,
            Actor1 = ReadActor(e, "actor1"),
            AssocActor1 = ReadActors(e, "assoc_actor_1"),
            Actor2 = ReadActor(e, "actor2"),
            AssocActor2 = ReadActors(e, "assoc_actor_2"),
            CivilianTargeting = e.TryGetProperty("civilian_targeting", out var ct) && ct.ValueKind == JsonValueKind.True,
            Location = location,
            Fatalities = Int(e, "fatalities"),
            Injured = Int(e, "injured"),
            Territory = territory,
            Factuality = Str(e, "factuality") is { } f && Enum.TryParse<Factuality>(f, true, out var fv) ? fv : Factuality.Asserted,
            ReportedBy = e.TryGetProperty("reported_by", out var rb) && rb.ValueKind == JsonValueKind.Array
                ? [.. rb.EnumerateArray().Select(x => x.GetString()).OfType<string>()] : [],
            Sources = e.TryGetProperty("sources", out var ss) && ss.ValueKind == JsonValueKind.Array
                ? [.. ss.EnumerateArray().Select(ReadSource)] : [],
            Confidence = e.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0,
            Summary = Str(e, "summary"),
        };
    }

    /// <summary>Reads a JSONL file of events; throws <see cref="FormatException"/> naming file and line.</summary>
    public static ImmutableArray<ConflictEvent> ReadLines(string path)
    {
        var list = ImmutableArray.CreateBuilder<ConflictEvent>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                list.Add(FromJson(doc.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                throw new FormatException(string.Create(Inv, $"{path}:{n}: {ex.Message}"), ex);
            }
        }

        return list.ToImmutable();
    }

    static EventSource ReadSource(JsonElement s)
    {
        var start = Int(s, "start") ?? 0;
        var end = Int(s, "end") ?? start;
        return new EventSource(
            new DocumentId(Str(s, "doc_id") ?? string.Empty),
            Str(s, "outlet"),
            Str(s, "url"),
            Str(s, "published") is { } p ? ParseDate(p) : null,
            Str(s, "sentence") ?? string.Empty,
            TextSpan.FromBounds(start, Math.Max(start, end)));
    }

    static EventLocation ReadLocation(JsonElement l) => new(
        Str(l, "name") ?? string.Empty,
        Str(l, "id") ?? string.Empty,
        Dbl(l, "latitude") ?? Dbl(l, "lat") ?? 0,
        Dbl(l, "longitude") ?? Dbl(l, "lon") ?? 0,
        Str(l, "country") ?? string.Empty,
        Str(l, "admin1"),
        Str(l, "admin2"),
        Int(l, "geo_precision") ?? 1);

    static ActorRef? ReadActor(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var a))
        {
            return null;
        }

        return a.ValueKind switch
        {
            JsonValueKind.String => new ActorRef(PlaceNames.Key(a.GetString()!), a.GetString()!, ActorKind.Unidentified, 0),
            JsonValueKind.Object => new ActorRef(
                Str(a, "id") ?? PlaceNames.Key(Str(a, "name") ?? string.Empty),
                Str(a, "name") ?? string.Empty,
                Str(a, "kind") is { } k && Enum.TryParse<ActorKind>(k, true, out var kind) ? kind : ActorKind.Unidentified,
                Int(a, "inter") ?? 0,
                Str(a, "country")),
            _ => null,
        };
    }

    static ImmutableArray<ActorRef> ReadActors(JsonElement e, string name) =>
        e.TryGetProperty(name, out var arr) && arr.ValueKind == JsonValueKind.Array
            ? [.. arr.EnumerateArray().Select((x, i) => x.ValueKind == JsonValueKind.Object
                ? new ActorRef(Str(x, "id") ?? string.Empty, Str(x, "name") ?? string.Empty,
                    Str(x, "kind") is { } k && Enum.TryParse<ActorKind>(k, true, out var kind) ? kind : ActorKind.Unidentified, Int(x, "inter") ?? 0, Str(x, "country"))
                : new ActorRef(PlaceNames.Key(x.GetString() ?? string.Empty), x.GetString() ?? string.Empty, ActorKind.Unidentified, 0))]
            : [];

    static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    static double? Dbl(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    static DateOnly ParseDate(string s) => DateOnly.ParseExact(s[..Math.Min(10, s.Length)], "yyyy-MM-dd", Inv);
}
