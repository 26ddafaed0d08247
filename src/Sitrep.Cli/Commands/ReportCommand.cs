using System.CommandLine;
using System.Globalization;
using Sitrep.Events;
using Sitrep.Fusion;
using Sitrep.Reports;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep report --from D --to D [--country CC|--admin1 NAME|--place NAME --radius KM] --format md|html [--out FILE]</c>.</summary>
static class ReportCommand
{
    public static Command Create()
    {
        var from = FusionInput.DateOption("--from", "First day yyyy-MM-dd");
        var to = FusionInput.DateOption("--to", "Last day yyyy-MM-dd");
        var country = new Option<string?>("--country") { Description = "Country (ISO alpha-2, alpha-3 or name)" };
        var admin1 = new Option<string?>("--admin1") { Description = "Admin1 (governorate/province) name" };
        var place = new Option<string?>("--place") { Description = "Centre place name (with --radius)" };
        var radius = new Option<double>("--radius") { Description = "Radius in km around --place", DefaultValueFactory = _ => 25 };
        var format = new Option<string>("--format") { Description = "md | html", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("--out") { Description = "Output file (default: stdout)" };
        var events = FusionInput.EventsOption();
        var cmd = new Command("report", "Situation report for a period and area: figures, control changes, key events with citations, charts and a map")
        {
            from, to, country, admin1, place, radius, format, output, events,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            if (!FusionInput.TryDate(parse.GetValue(from), out var f) || !FusionInput.TryDate(parse.GetValue(to), out var t) || t < f)
            {
                await Console.Error.WriteLineAsync("sitrep: --from and --to (yyyy-MM-dd, from <= to) are required");
                return 2;
            }

            var fmt = parse.GetValue(format);
            if (fmt is not ("md" or "html"))
            {
                await Console.Error.WriteLineAsync($"sitrep: --format must be md or html, not '{fmt}'");
                return 2;
            }

            var raw = await FusionInput.LoadAsync(parse, events, ct);
            if (raw is null)
            {
                return 2;
            }

            var fused = FusionInput.Fuse(raw.Value);
            string? iso2 = null;
            if (parse.GetValue(country) is { } c)
            {
                iso2 = Countries.Default.Find(c)?.Alpha2;
                if (iso2 is null)
                {
                    await Console.Error.WriteLineAsync($"sitrep: unknown country '{c}'");
                    return 2;
                }
            }

            (string, double, double)? centre = null;
            if (parse.GetValue(place) is { } pn)
            {
                var key = PlaceNames.Key(pn);
                var hit = fused.Select(x => x.Event.Location).OfType<EventLocation>()
                    .Where(l => string.Equals(PlaceNames.Key(l.Name), key, StringComparison.Ordinal))
                    .OrderBy(l => l.GeoPrecision).FirstOrDefault();
                if (hit is null)
                {
                    await Console.Error.WriteLineAsync($"sitrep: place '{pn}' not found among event locations");
                    return 2;
                }

                centre = (hit.Name, hit.Latitude, hit.Longitude);
            }

            var scope = new ReportScope(f, t, iso2, parse.GetValue(admin1), centre, parse.GetValue(radius));
            var report = SituationReport.Build(scope, fused, ControlMap.Build(fused.Select(x => x.Event)));
            var atlas = TopoJson.FindWorldAtlas(SitrepHome.Find());
            if (atlas is null)
            {
                await Console.Error.WriteLineAsync("sitrep: world-atlas not found under SITREP_HOME/node_modules (run npm install); the map has no outlines");
            }

            var shapes = atlas is null ? [] : TopoJson.ReadCountries(atlas);
            var text = fmt == "html" ? ReportRenderer.Html(report, shapes) : ReportRenderer.Markdown(report, shapes);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, ct);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {report.Events.Length} events, {report.Fatalities} fatalities"));
            }
            else
            {
                Console.Write(text);
            }

            return 0;
        });
        return cmd;
    }
}
