using System.Globalization;
using System.Net;
using System.Text;
using Sitrep.Events;
using Sitrep.Fusion;

namespace Sitrep.Reports;

/// <summary>SVG drawing of report figures: bar charts and an event map over country outlines. No scripts, no external resources.</summary>
public static class Svg
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    static string F(double v) => v.ToString("0.#", Inv);

    static string Esc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Colour of an ACLED event type.</summary>
    public static string TypeColor(AcledEventType t) => t switch
    {
        AcledEventType.Battles => "#d62728",
        AcledEventType.ExplosionsRemoteViolence => "#ff7f0e",
        AcledEventType.ViolenceAgainstCivilians => "#9467bd",
        AcledEventType.Protests => "#2ca02c",
        AcledEventType.Riots => "#8c564b",
        _ => "#1f77b4",
    };

    /// <summary>A vertical bar chart of one value per day (a bar for every day of the range, empty days included).</summary>
    public static string DailyBars(string title, DateOnly from, DateOnly to, IReadOnlyDictionary<DateOnly, double> values, string color, int width = 720, int height = 220)
    {
        ArgumentNullException.ThrowIfNull(values);
        var days = Math.Max(1, to.DayNumber - from.DayNumber + 1);
        var max = Math.Max(1, values.Values.DefaultIfEmpty(0).Max());
        const int left = 44, right = 10, top = 28, bottom = 34;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var bw = (double)plotW / days;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Esc(title)}\">");
        sb.Append(Inv, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        sb.Append(Inv, $"<text x=\"{left}\" y=\"18\" font-family=\"sans-serif\" font-size=\"14\" font-weight=\"bold\">{Esc(title)}</text>");
        foreach (var frac in (ReadOnlySpan<double>)[0, 0.5, 1])
        {
            var y = top + plotH - (frac * plotH);
            sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#dddddd\"/>");
            sb.Append(Inv, $"<text x=\"{left - 4}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"10\">{F(Math.Round(max * frac))}</text>");
        }

        for (var i = 0; i < days; i++)
        {
            var d = from.AddDays(i);
            var v = values.TryGetValue(d, out var x) ? x : 0;
            var h = v / max * plotH;
            var xPos = left + (i * bw);
            if (v > 0)
            {
                sb.Append(Inv, $"<rect x=\"{F(xPos + (bw * 0.1))}\" y=\"{F(top + plotH - h)}\" width=\"{F(Math.Max(1, bw * 0.8))}\" height=\"{F(h)}\" fill=\"{color}\"><title>{d:yyyy-MM-dd}: {F(v)}</title></rect>");
            }

            var every = Math.Max(1, (int)Math.Ceiling(days / 8.0));
            if (i % every == 0)
            {
                sb.Append(Inv, $"<text x=\"{F(xPos + (bw / 2))}\" y=\"{height - bottom + 14}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"10\">{d:MM-dd}</text>");
            }
        }

        sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{top + plotH}\" y2=\"{top + plotH}\" stroke=\"#333333\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A horizontal bar chart of labelled values, largest first.</summary>
    public static string HorizontalBars(string title, IReadOnlyList<(string Label, double Value, string Color)> rows, int width = 720)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const int left = 230, right = 50, top = 30, rowH = 22;
        var height = top + (Math.Max(1, rows.Count) * rowH) + 10;
        var max = Math.Max(1, rows.Select(r => r.Value).DefaultIfEmpty(0).Max());
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Esc(title)}\">");
        sb.Append(Inv, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        sb.Append(Inv, $"<text x=\"10\" y=\"18\" font-family=\"sans-serif\" font-size=\"14\" font-weight=\"bold\">{Esc(title)}</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value, color) = rows[i];
            var y = top + (i * rowH);
            var w = value / max * (width - left - right);
            sb.Append(Inv, $"<text x=\"{left - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"12\">{Esc(label)}</text>");
            sb.Append(Inv, $"<rect x=\"{left}\" y=\"{y + 3}\" width=\"{F(Math.Max(1, w))}\" height=\"{rowH - 6}\" fill=\"{color}\"/>");
            sb.Append(Inv, $"<text x=\"{F(left + w + 4)}\" y=\"{y + 15}\" font-family=\"sans-serif\" font-size=\"12\">{F(value)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// A map of events (circles sized by fatalities, coloured by type) over country outlines, in an
    /// equirectangular projection scaled by cos(mid-latitude), fitted to the events with a margin.
    /// </summary>
    public static string EventMap(string title, IReadOnlyList<FusedEvent> events, IReadOnlyList<CountryShape> countries, int width = 720, int height = 520)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(countries);
        var located = events.Where(e => e.Event.Location is not null).ToArray();
        double minLon = 35, maxLon = 43, minLat = 32, maxLat = 37.5;
        if (located.Length > 0)
        {
            minLon = located.Min(e => e.Event.Location!.Longitude);
            maxLon = located.Max(e => e.Event.Location!.Longitude);
            minLat = located.Min(e => e.Event.Location!.Latitude);
            maxLat = located.Max(e => e.Event.Location!.Latitude);
        }

        // Margin and a minimum extent of about 2 degrees, then match the aspect ratio of the frame.
        var midLat = (minLat + maxLat) / 2;
        var k = Math.Cos(midLat * Math.PI / 180);
        var spanLon = Math.Max(2, (maxLon - minLon) * 1.3);
        var spanLat = Math.Max(2 * k, (maxLat - minLat) * 1.3);
        const int top = 30, pad = 10;
        var frameW = width - (2 * pad);
        const int legendH = 24;
        var frameH = height - top - pad - legendH;
        if (spanLon * k / spanLat > (double)frameW / frameH)
        {
            spanLat = spanLon * k * frameH / frameW;
        }
        else
        {
            spanLon = spanLat / k * frameW / frameH;
        }

        var cLon = (minLon + maxLon) / 2;
        var cLat = midLat;
        var x0 = cLon - (spanLon / 2);
        var y1 = cLat + (spanLat / 2);
        var scale = frameW / spanLon;
        double X(double lon) => pad + ((lon - x0) * scale);
        double Y(double lat) => top + ((y1 - lat) * scale / k);

        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Esc(title)}\">");
        sb.Append(Inv, $"<defs><clipPath id=\"frame\"><rect x=\"{pad}\" y=\"{top}\" width=\"{frameW}\" height=\"{frameH}\"/></clipPath></defs>");
        sb.Append(Inv, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        sb.Append(Inv, $"<text x=\"{pad}\" y=\"20\" font-family=\"sans-serif\" font-size=\"14\" font-weight=\"bold\">{Esc(title)}</text>");
        sb.Append(Inv, $"<rect x=\"{pad}\" y=\"{top}\" width=\"{frameW}\" height=\"{frameH}\" fill=\"#dbe9f4\"/>");
        sb.Append("<g clip-path=\"url(#frame)\">");
        var viewMinLat = cLat - (spanLat / 2);
        var labels = new StringBuilder();
        foreach (var c in countries)
        {
            var b = c.Bounds;
            if (b.MaxLon < x0 || b.MinLon > x0 + spanLon || b.MaxLat < viewMinLat || b.MinLat > y1)
            {
                continue;
            }

            var path = new StringBuilder();
            foreach (var ring in c.Rings)
            {
                double lastX = double.NaN, lastY = double.NaN;
                var first = true;
                foreach (var (lon, lat) in ring)
                {
                    var x = X(lon);
                    var y = Y(lat);
                    if (!first && Math.Abs(x - lastX) < 0.6 && Math.Abs(y - lastY) < 0.6)
                    {
                        continue;
                    }

                    path.Append(first ? 'M' : 'L').Append(F(x)).Append(',').Append(F(y));
                    (lastX, lastY, first) = (x, y, false);
                }

                path.Append('Z');
            }

            sb.Append(Inv, $"<path d=\"{path}\" fill=\"#f4f1e8\" stroke=\"#8a8a8a\" stroke-width=\"0.8\"><title>{Esc(c.Name)}</title></path>");
            var (lx, ly) = ((b.MinLon + b.MaxLon) / 2, (b.MinLat + b.MaxLat) / 2);
            if (lx > x0 && lx < x0 + spanLon && ly > viewMinLat && ly < y1)
            {
                labels.Append(Inv, $"<text x=\"{F(X(lx))}\" y=\"{F(Y(ly))}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#777777\">{Esc(c.Name)}</text>");
            }
        }

        sb.Append(labels);
        foreach (var e in located.OrderByDescending(e => e.Event.Fatalities ?? 0))
        {
            var l = e.Event.Location!;
            var r = 3 + Math.Sqrt(e.Event.Fatalities ?? 0);
            sb.Append(Inv, $"<circle cx=\"{F(X(l.Longitude))}\" cy=\"{F(Y(l.Latitude))}\" r=\"{F(Math.Min(r, 18))}\" fill=\"{TypeColor(e.Event.EventType)}\" fill-opacity=\"0.7\" stroke=\"#333333\" stroke-width=\"0.6\">");
            sb.Append(Inv, $"<title>{e.Event.EventDate:yyyy-MM-dd} {Esc(AcledTaxonomy.Label(e.Event.SubEventType))}, {Esc(l.Name)}, fatalities {e.Event.Fatalities?.ToString(Inv) ?? "?"}</title></circle>");
        }

        // Labels for the most reported places.
        foreach (var g in located.GroupBy(e => e.Event.Location!.Name, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(8))
        {
            var l = g.First().Event.Location!;
            sb.Append(Inv, $"<text x=\"{F(X(l.Longitude) + 8)}\" y=\"{F(Y(l.Latitude) - 6)}\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#222222\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{Esc(l.Name)}</text>");
        }

        sb.Append("</g>");
        // Legend in a row under the map, so it never hides an event.
        var legendX = (double)pad;
        var legendY = top + frameH + 16;
        foreach (var t in located.Select(e => e.Event.EventType).Distinct().Order())
        {
            var label = AcledTaxonomy.Label(t);
            sb.Append(Inv, $"<circle cx=\"{F(legendX + 5)}\" cy=\"{legendY - 4}\" r=\"5\" fill=\"{TypeColor(t)}\"/>");
            sb.Append(Inv, $"<text x=\"{F(legendX + 14)}\" y=\"{legendY}\" font-family=\"sans-serif\" font-size=\"11\">{Esc(label)}</text>");
            legendX += 30 + (label.Length * 6.2);
        }

        sb.Append(Inv, $"<text x=\"{width - pad}\" y=\"20\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"9\" fill=\"#555555\">Circle area ~ fatalities. Outlines: Natural Earth via world-atlas</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }
}
