using System.Globalization;
using System.Net;
using System.Text;
using Sitrep.Events;
using Sitrep.Fusion;

namespace Sitrep.Reports;

/// <summary>Renders a <see cref="SituationReport"/> as Markdown or as one self-contained HTML file (inline SVG, inline CSS, no scripts).</summary>
public static class ReportRenderer
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    static string H(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);

    /// <summary>The figures of the report as SVG strings: events per day, fatalities per day, events by type, map.</summary>
    public static (string EventsPerDay, string FatalitiesPerDay, string ByType, string Map) Figures(SituationReport r, IReadOnlyList<CountryShape> countries)
    {
        ArgumentNullException.ThrowIfNull(r);
        return (
            Svg.DailyBars("Events per day", r.Scope.From, r.Scope.To, r.EventsPerDay, "#1f77b4"),
            Svg.DailyBars("Fatalities per day", r.Scope.From, r.Scope.To, r.FatalitiesPerDay, "#d62728"),
            Svg.HorizontalBars("Events by type", [.. r.ByType.Select(t => (AcledTaxonomy.Label(t.Type), (double)t.Events, Svg.TypeColor(t.Type)))]),
            Svg.EventMap("Events " + r.Scope.Describe(), r.Events, countries));
    }

    static string Citation(EventSource s) =>
        $"{s.Outlet ?? s.DocumentId.Value}{(s.Published is { } p ? ", " + p.ToString("yyyy-MM-dd", Inv) : string.Empty)}";

    static string Headline(FusedEvent f)
    {
        var e = f.Event;
        var who = e.Actor1?.Name ?? "Unidentified actor";
        var whom = e.Actor2 is { } a2 ? " vs " + a2.Name : string.Empty;
        var fat = f.FatalitiesLow is { } lo ? (f.FatalitiesHigh != lo ? $", {lo} killed (reports {lo}-{f.FatalitiesHigh})" : $", {lo} killed") : string.Empty;
        return $"{AcledTaxonomy.Label(e.SubEventType)}: {who}{whom} at {e.Location?.Name ?? "unknown place"}{fat}";
    }

    static string Controller(ControlPeriod p) => p.State switch
    {
        ControlState.Contested => $"contested ({p.Controller?.Name ?? "holder unknown"})",
        ControlState.Unknown => "unknown",
        _ => p.Controller?.Name ?? "unknown",
    };

    /// <summary>Markdown, with the figures embedded as SVG data URIs.</summary>
    public static string Markdown(SituationReport r, IReadOnlyList<CountryShape> countries)
    {
        ArgumentNullException.ThrowIfNull(r);
        var (perDay, fatal, byType, map) = Figures(r, countries);
        static string Img(string alt, string svg) => $"![{alt}](data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(svg))})";
        var sb = new StringBuilder();
        sb.Append(Inv, $"# Situation report: {r.Scope.Describe()}\n\n");
        sb.Append(Inv, $"**{r.Events.Length} events, {r.Fatalities} fatalities** (lowest credible figures), from {r.Events.Sum(e => e.Reports.Length)} reports.\n\n");
        sb.Append("## Events by type\n\n| Type | Events | Fatalities |\n|---|---:|---:|\n");
        foreach (var t in r.ByType)
        {
            sb.Append(Inv, $"| {AcledTaxonomy.Label(t.Type)} | {t.Events} | {t.Fatalities} |\n");
        }

        sb.Append("\n## By actor\n\n| Actor | Events | Fatalities |\n|---|---:|---:|\n");
        foreach (var a in r.ByActor)
        {
            sb.Append(Inv, $"| {a.Actor} | {a.Events} | {a.Fatalities} |\n");
        }

        sb.Append("\n## By admin1\n\n| Admin1 | Events | Fatalities |\n|---|---:|---:|\n");
        foreach (var a in r.ByAdmin1)
        {
            sb.Append(Inv, $"| {a.Admin1} | {a.Events} | {a.Fatalities} |\n");
        }

        sb.Append("\n## Control changes\n\n");
        if (r.ControlChanges.IsEmpty)
        {
            sb.Append("None reported.\n");
        }

        foreach (var p in r.ControlChanges)
        {
            sb.Append(Inv, $"- {p.From:yyyy-MM-dd} **{p.Place.Name}**: {Controller(p)} — {string.Join("; ", p.Evidence.SelectMany(e => e.Sources).Select(Citation).Distinct())}\n");
        }

        sb.Append("\n## Key events\n\n");
        foreach (var f in r.KeyEvents)
        {
            sb.Append(Inv, $"- {f.Event.EventDate:yyyy-MM-dd} {Headline(f)}. Sources: ");
            sb.Append(string.Join("; ", f.Event.Sources.Select(s => s.Url is { } u ? $"[{Citation(s)}]({u})" : Citation(s)).Distinct()));
            if (!f.Conflicts.IsEmpty)
            {
                sb.Append(" Conflicting claims: ").Append(string.Join("; ", f.Conflicts.Select(c => c.Field + " " + string.Join(" vs ", c.Claims.Select(x => x.Value)))));
            }

            sb.Append('\n');
        }

        sb.Append("\n## Charts\n\n").Append(Img("Events per day", perDay)).Append("\n\n").Append(Img("Fatalities per day", fatal)).Append("\n\n")
            .Append(Img("Events by type", byType)).Append("\n\n## Map\n\n").Append(Img("Map of events", map)).Append('\n');
        return sb.ToString();
    }

    /// <summary>One self-contained HTML page.</summary>
    public static string Html(SituationReport r, IReadOnlyList<CountryShape> countries)
    {
        ArgumentNullException.ThrowIfNull(r);
        var (perDay, fatal, byType, map) = Figures(r, countries);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append(Inv, $"<title>Situation report: {H(r.Scope.Describe())}</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:24px auto;max-width:1500px;color:#222;background:#fff}")
            .Append("h1{font-size:22px}h2{font-size:17px;margin-top:22px;border-bottom:1px solid #ccc}")
            .Append("table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}td.n{text-align:right}")
            .Append(".grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.tiles{display:flex;gap:16px}.tile{border:1px solid #ccc;padding:8px 14px}")
            .Append(".tile b{font-size:22px;display:block}li{margin:3px 0;font-size:13px}.conflict{color:#a33}</style></head><body>\n");
        sb.Append(Inv, $"<h1>Situation report: {H(r.Scope.Describe())}</h1>\n");
        sb.Append(Inv, $"<div class=\"tiles\"><div class=\"tile\"><b>{r.Events.Length}</b>events</div><div class=\"tile\"><b>{r.Fatalities}</b>fatalities</div>");
        sb.Append(Inv, $"<div class=\"tile\"><b>{r.Events.Sum(e => e.Reports.Length)}</b>reports</div><div class=\"tile\"><b>{r.ControlChanges.Length}</b>control changes</div></div>\n");
        sb.Append("<div class=\"grid\"><div>").Append(map).Append("</div><div>").Append(perDay).Append("<br>").Append(fatal).Append("</div></div>\n");
        sb.Append("<div class=\"grid\"><div><h2>Events by type</h2>").Append(byType);
        Table(sb, "By type", ["Type", "Events", "Fatalities"], r.ByType.Select(t => new[] { AcledTaxonomy.Label(t.Type), t.Events.ToString(Inv), t.Fatalities.ToString(Inv) }));
        sb.Append("</div><div><h2>By actor</h2>");
        Table(sb, "By actor", ["Actor", "Events", "Fatalities"], r.ByActor.Select(a => new[] { a.Actor, a.Events.ToString(Inv), a.Fatalities.ToString(Inv) }));
        sb.Append("<h2>By admin1</h2>");
        Table(sb, "By admin1", ["Admin1", "Events", "Fatalities"], r.ByAdmin1.Select(a => new[] { a.Admin1, a.Events.ToString(Inv), a.Fatalities.ToString(Inv) }));
        sb.Append("</div></div>\n<h2>Control changes</h2><ul>");
        if (r.ControlChanges.IsEmpty)
        {
            sb.Append("<li>None reported.</li>");
        }

        foreach (var p in r.ControlChanges)
        {
            sb.Append(Inv, $"<li>{p.From:yyyy-MM-dd} <b>{H(p.Place.Name)}</b>: {H(Controller(p))} — {H(string.Join("; ", p.Evidence.SelectMany(e => e.Sources).Select(Citation).Distinct()))}</li>");
        }

        sb.Append("</ul>\n<h2>Key events</h2><ul>");
        foreach (var f in r.KeyEvents)
        {
            sb.Append(Inv, $"<li>{f.Event.EventDate:yyyy-MM-dd} {H(Headline(f))}. Sources: ");
            sb.Append(string.Join("; ", f.Event.Sources.Select(s => s.Url is { } u ? $"<a href=\"{H(u)}\">{H(Citation(s))}</a>" : H(Citation(s))).Distinct()));
            if (!f.Conflicts.IsEmpty)
            {
                sb.Append(" <span class=\"conflict\">Conflicting claims: ")
                    .Append(H(string.Join("; ", f.Conflicts.Select(c => c.Field + " " + string.Join(" vs ", c.Claims.Select(x => x.Value)))))).Append("</span>");
            }

            sb.Append("</li>");
        }

        sb.Append("</ul>\n<p style=\"font-size:11px;color:#666\">Generated by Sitrep from news reports; fatalities follow ACLED's lowest-credible-figure rule.</p></body></html>\n");
        return sb.ToString();
    }

    static void Table(StringBuilder sb, string caption, string[] head, IEnumerable<string[]> rows)
    {
        sb.Append(Inv, $"<table aria-label=\"{H(caption)}\"><tr>");
        foreach (var h in head)
        {
            sb.Append("<th>").Append(H(h)).Append("</th>");
        }

        sb.Append("</tr>");
        foreach (var r in rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < r.Length; i++)
            {
                sb.Append(i == 0 ? "<td>" : "<td class=\"n\">").Append(H(r[i])).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</table>");
    }
}
