using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Fusion;
using Sitrep.Temporal;

namespace Sitrep.Reports;

/// <summary>
/// ACLED-format CSV: writing fused events with ACLED's column names and order, and reading an ACLED export as
/// a reference layer. <c>event_id_cnty</c> is the country's ISO alpha-3 code plus a number derived from the
/// fused event's id, so it is the same on every run over the same input.
/// </summary>
public static class AcledCsv
{
    /// <summary>ACLED's columns, in ACLED's order.</summary>
    public static readonly ImmutableArray<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The stable ACLED-style id of an event: ISO alpha-3 plus nine digits from a hash of its id.</summary>
    public static string EventIdCnty(ConflictEvent e, Countries countries)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(countries);
        var iso3 = countries.Find(e.Location?.Country)?.Alpha3 ?? "XXX";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(e.Id.Value));
        var n = BitConverter.ToUInt64(hash, 0) % 1_000_000_000UL;
        return iso3 + n.ToString("000000000", Inv);
    }

    /// <summary>Writes the header and one row per fused event.</summary>
    public static void Write(TextWriter writer, IEnumerable<FusedEvent> events, Countries countries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        writer.Write(Csv.Line(Columns));
        writer.Write('\n');
        foreach (var f in events)
        {
            writer.Write(Csv.Line(Row(f, countries)));
            writer.Write('\n');
        }
    }

    static IEnumerable<string?> Row(FusedEvent f, Countries countries)
    {
        var e = f.Event;
        var country = countries.Find(e.Location?.Country);
        var inter1 = e.Actor1?.AcledInter ?? 0;
        var inter2 = e.Actor2?.AcledInter ?? 0;
        var interaction = e.Actor2 is null ? inter1 * 10 : (Math.Min(inter1, inter2) * 10) + Math.Max(inter1, inter2);
        var last = e.Sources.Select(s => s.Published).OfType<DateOnly>().DefaultIfEmpty(e.EventDate).Max();
        var notes = new StringBuilder(e.Summary ?? string.Empty);
        if (f.FatalitiesLow is { } lo && f.FatalitiesHigh is { } hi && hi != lo)
        {
            notes.Append(Inv, $" [fatalities reported {lo}-{hi}]");
        }

        notes.Append(Inv, $" [{f.IndependentSources} independent source(s), {f.Reports.Length} report(s)]");
        return
        [
            EventIdCnty(e, countries),
            e.EventDate.ToString("yyyy-MM-dd", Inv),
            e.EventDate.Year.ToString(Inv),
            ((int)e.TimePrecision).ToString(Inv),
            DisorderType(e.EventType),
            AcledTaxonomy.Label(e.EventType),
            AcledTaxonomy.Label(e.SubEventType),
            e.Actor1?.Name,
            string.Join("; ", e.AssocActor1.Select(a => a.Name)),
            inter1.ToString(Inv),
            e.Actor2?.Name,
            string.Join("; ", e.AssocActor2.Select(a => a.Name)),
            inter2.ToString(Inv),
            interaction.ToString(Inv),
            e.CivilianTargeting ? "Civilian targeting" : string.Empty,
            country?.Numeric.ToString(Inv) ?? string.Empty,
            country?.Region ?? string.Empty,
            country?.Name ?? e.Location?.Country,
            e.Location?.Admin1,
            e.Location?.Admin2,
            string.Empty,
            e.Location?.Name,
            e.Location?.Latitude.ToString("0.0000", Inv),
            e.Location?.Longitude.ToString("0.0000", Inv),
            e.Location?.GeoPrecision.ToString(Inv),
            string.Join("; ", e.Sources.Select(s => s.Outlet).OfType<string>().Concat(e.ReportedBy).Distinct(StringComparer.OrdinalIgnoreCase)),
            string.Empty,
            notes.ToString().Trim(),
            (e.Fatalities ?? 0).ToString(Inv),
            string.Join("; ", f.Conflicts.Select(c => "conflicting " + c.Field)),
            new DateTimeOffset(last.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds().ToString(Inv),
        ];
    }

    static string DisorderType(AcledEventType t) => t switch
    {
        AcledEventType.Protests or AcledEventType.Riots => "Demonstrations",
        AcledEventType.StrategicDevelopments => "Strategic developments",
        _ => "Political violence",
    };

    /// <summary>Reads an ACLED-format CSV (columns found by name) into events; rows that cannot be read are reported in <paramref name="errors"/>.</summary>
    public static ImmutableArray<ConflictEvent> Read(TextReader reader, Countries countries, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(errors);
        using var rows = Csv.Read(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            return [];
        }

        var header = rows.Current.Select((h, i) => (h: h.Trim().ToLowerInvariant(), i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        foreach (var required in (ReadOnlySpan<string>)["event_id_cnty", "event_date", "sub_event_type", "latitude", "longitude"])
        {
            if (!header.ContainsKey(required))
            {
                errors.Add($"missing column {required}");
                return [];
            }
        }

        var list = ImmutableArray.CreateBuilder<ConflictEvent>();
        var line = 1;
        while (rows.MoveNext())
        {
            line++;
            var r = rows.Current;
            string Get(string name) => header.TryGetValue(name, out var i) && i < r.Count ? r[i].Trim() : string.Empty;
            if (r.Count == 1 && r[0].Length == 0)
            {
                continue;
            }

            var sub = AcledTaxonomy.ParseSubType(Get("sub_event_type"));
            if (sub is null || !TryDate(Get("event_date"), out var date)
                || !double.TryParse(Get("latitude"), NumberStyles.Float, Inv, out var lat)
                || !double.TryParse(Get("longitude"), NumberStyles.Float, Inv, out var lon))
            {
                errors.Add(string.Create(Inv, $"line {line}: unreadable date, sub_event_type or coordinates"));
                continue;
            }

            var precision = int.TryParse(Get("time_precision"), NumberStyles.Integer, Inv, out var tp) ? Math.Clamp(tp, 1, 3) : 1;
            var country = countries.Find(Get("iso")) ?? countries.Find(Get("country"));
            var interval = precision switch
            {
                1 => new DateInterval(date, date),
                2 => new DateInterval(date.AddDays(-3), date.AddDays(3)),
                _ => new DateInterval(new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
            };
            list.Add(new ConflictEvent
            {
                Id = new EventId(Get("event_id_cnty")),
                EventDate = date,
                TimePrecision = (TimePrecision)precision,
                DateInterval = interval,
                SubEventType = sub.Value,
                Plover = new PloverCode(string.Empty, null),
                Cameo = string.Empty,
                Actor1 = Actor(Get("actor1"), Get("inter1"), country?.Alpha2),
                Actor2 = Actor(Get("actor2"), Get("inter2"), country?.Alpha2),
                CivilianTargeting = Get("civilian_targeting").Length > 0,
                Location = new EventLocation(Get("location"), string.Empty, lat, lon, country?.Alpha2 ?? Get("country"),
                    NullIfEmpty(Get("admin1")), NullIfEmpty(Get("admin2")), int.TryParse(Get("geo_precision"), NumberStyles.Integer, Inv, out var gp) ? gp : 1),
                Fatalities = int.TryParse(Get("fatalities"), NumberStyles.Integer, Inv, out var fat) ? fat : null,
                Sources = [new EventSource(new DocumentId("acled:" + Get("event_id_cnty")), NullIfEmpty(Get("source")), null, null, Get("notes"), new Text.TextSpan(0, 0))],
                Summary = NullIfEmpty(Get("notes")),
                Confidence = 1,
            });
        }

        return list.ToImmutable();
    }

    static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy", "d-MMMM-yyyy", "M/d/yyyy"], Inv, DateTimeStyles.None, out date);

    static ActorRef? Actor(string name, string inter, string? country)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var code = int.TryParse(inter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;
        var kind = code switch
        {
            1 => ActorKind.StateForces,
            2 => ActorKind.RebelGroup,
            3 or 4 => ActorKind.Militia,
            5 => ActorKind.Rioters,
            6 => ActorKind.Protesters,
            7 => ActorKind.Civilians,
            8 => ActorKind.ExternalForce,
            _ => ActorKind.Unidentified,
        };
        return new ActorRef("acled:" + PlaceNames.Key(name), name, kind, code, kind == ActorKind.StateForces || kind == ActorKind.Civilians ? country : null);
    }
}
