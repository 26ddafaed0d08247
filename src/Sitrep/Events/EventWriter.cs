using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Events;

/// <summary>Writes coded events as JSON Lines (issue 5 §3 schema), ACLED-style CSV, or a GeoJSON FeatureCollection.</summary>
public sealed class EventWriter(ActorRegistry registry)
{
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>ACLED's export columns, in ACLED's order.</summary>
    public static readonly string[] CsvColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>One event as one JSON object on one line.</summary>
    public string ToJsonLine(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            WriteEvent(w, e);
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd, or null for the open bounds of an undated report (MinValue / MaxValue).</summary>
    internal static string? IsoDateOrNull(DateOnly d) => d == DateOnly.MinValue || d == DateOnly.MaxValue ? null : D(d);

    static void WriteDate(Utf8JsonWriter w, string name, DateOnly d)
    {
        if (IsoDateOrNull(d) is { } s)
        {
            w.WriteString(name, s);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    static void WriteActor(Utf8JsonWriter w, string name, ActorRef? a)
    {
        if (a is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("id", a.Id);
        w.WriteString("name", a.Name);
        w.WriteString("kind", a.Kind.ToString());
        w.WriteEndObject();
    }

    static void WriteActors(Utf8JsonWriter w, string name, IEnumerable<ActorRef> list)
    {
        w.WriteStartArray(name);
        foreach (var a in list)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteString("kind", a.Kind.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    void WriteEvent(Utf8JsonWriter w, ConflictEvent e)
    {
        w.WriteStartObject();
        w.WriteString("event_id", e.Id.Value);
        // An undated report (no publication date, no date in the text) has null dates, not 0001-01-01.
        WriteDate(w, "event_date", e.EventDate);
        w.WriteNumber("time_precision", (int)e.TimePrecision);
        w.WriteStartObject("date_interval");
        WriteDate(w, "start", e.DateInterval.Start);
        WriteDate(w, "end", e.DateInterval.End);
        w.WriteEndObject();
        w.WriteString("event_type", AcledTaxonomy.Label(e.EventType));
        w.WriteString("sub_event_type", AcledTaxonomy.Label(e.SubEventType));
        w.WriteStartObject("plover");
        w.WriteString("type", e.Plover.Type);
        w.WriteString("mode", e.Plover.Mode);
        w.WriteEndObject();
        w.WriteString("cameo", e.Cameo);
        WriteActor(w, "actor1", e.Actor1);
        WriteActors(w, "assoc_actor_1", e.AssocActor1);
        WriteActor(w, "actor2", e.Actor2);
        WriteActors(w, "assoc_actor_2", e.AssocActor2);
        w.WriteBoolean("civilian_targeting", e.CivilianTargeting);
        if (e.Location is { } l)
        {
            w.WriteStartObject("location");
            w.WriteString("name", l.Name);
            w.WriteString("id", l.PlaceId);
            w.WriteNumber("latitude", Math.Round(l.Latitude, 5));
            w.WriteNumber("longitude", Math.Round(l.Longitude, 5));
            w.WriteString("country", l.Country);
            w.WriteString("admin1", l.Admin1);
            w.WriteString("admin2", l.Admin2);
            w.WriteNumber("geo_precision", l.GeoPrecision);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("location");
        }

        WriteInt(w, "fatalities", e.Fatalities);
        WriteInt(w, "injured", e.Injured);
        if (e.Territory is { } t)
        {
            w.WriteStartObject("territory");
            w.WriteString("place", t.Place.Name);
            w.WriteString("from", t.From?.Name);
            w.WriteString("to", t.To?.Name);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("territory");
        }

        w.WriteString("factuality", e.Factuality.ToString().ToLowerInvariant());
        w.WriteStartArray("reported_by");
        foreach (var r in e.ReportedBy)
        {
            w.WriteStringValue(r);
        }

        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var s in e.Sources)
        {
            w.WriteStartObject();
            w.WriteString("doc_id", s.DocumentId.Value);
            w.WriteString("outlet", s.Outlet);
            w.WriteString("url", s.Url);
            w.WriteString("published", s.Published is { } p ? D(p) : null);
            w.WriteString("sentence", s.Sentence);
            w.WriteNumber("start", s.Span.Start);
            w.WriteNumber("end", s.Span.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("confidence", e.Confidence);
        w.WriteEndObject();
    }

    static void WriteInt(Utf8JsonWriter w, string name, int? v)
    {
        if (v is { } x)
        {
            w.WriteNumber(name, x);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>The CSV header line.</summary>
    public static string CsvHeader() => string.Join(',', CsvColumns);

    /// <summary>One event as one CSV row in ACLED's column order.</summary>
    public string ToCsvRow(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var l = e.Location;
        var inter1 = e.Actor1?.AcledInter ?? 0;
        var inter2 = e.Actor2?.AcledInter ?? 0;
        var interaction = inter2 == 0 ? inter1 * 10 : Math.Min(inter1, inter2) * 10 + Math.Max(inter1, inter2);
        var disorder = e.EventType switch
        {
            AcledEventType.Protests or AcledEventType.Riots => "Demonstrations",
            AcledEventType.StrategicDevelopments => "Strategic developments",
            _ => "Political violence",
        };
        var state = l is null ? null : registry.State(l.Country);
        // An undated report (no publication date, no year in the text) has no event date: an empty cell, not year 1.
        var dated = e.EventDate != DateOnly.MinValue;
        var cells = new string?[]
        {
            e.Id.Value, dated ? D(e.EventDate) : "", dated ? e.EventDate.Year.ToString(CultureInfo.InvariantCulture) : "", ((int)e.TimePrecision).ToString(CultureInfo.InvariantCulture),
            disorder, AcledTaxonomy.Label(e.EventType), AcledTaxonomy.Label(e.SubEventType), e.Actor1?.Name,
            string.Join("; ", e.AssocActor1.Select(a => a.Name)), inter1.ToString(CultureInfo.InvariantCulture), e.Actor2?.Name,
            string.Join("; ", e.AssocActor2.Select(a => a.Name)), inter2.ToString(CultureInfo.InvariantCulture),
            interaction.ToString(CultureInfo.InvariantCulture), e.CivilianTargeting ? "Civilian targeting" : "",
            state?.IsoNumeric?.ToString(CultureInfo.InvariantCulture), state?.Region,
            l is null ? "" : state?.Name ?? l.Country, l?.Admin1, l?.Admin2, "", l?.Name,
            l?.Latitude.ToString("0.####", CultureInfo.InvariantCulture), l?.Longitude.ToString("0.####", CultureInfo.InvariantCulture),
            l?.GeoPrecision.ToString(CultureInfo.InvariantCulture), string.Join("; ", e.ReportedBy.Concat(e.Sources.Select(s => s.Outlet).OfType<string>()).Distinct(StringComparer.Ordinal)),
            "", e.Sources.IsDefaultOrEmpty ? "" : e.Sources[0].Sentence, (e.Fatalities ?? 0).ToString(CultureInfo.InvariantCulture), "", "",
        };
        return string.Join(',', cells.Select(Csv));
    }

    static string Csv(string? s)
    {
        s ??= "";
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    /// <summary>A GeoJSON FeatureCollection of the located events (properties = the JSONL fields).</summary>
    public void WriteGeoJson(IEnumerable<ConflictEvent> events, Stream output)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var e in events)
        {
            if (e.Location is not { } l)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(Math.Round(l.Longitude, 5));
            w.WriteNumberValue(Math.Round(l.Latitude, 5));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WritePropertyName("properties");
            WriteEvent(w, e);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
