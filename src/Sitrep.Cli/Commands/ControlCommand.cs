using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Fusion;
using Sitrep.Reports;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep control [PLACE] [--at DATE] [--history] [--country CC] [--bbox ...] [--format text|json|geojson]</c>: who held what, when, on what evidence.</summary>
static class ControlCommand
{
    public static Command Create()
    {
        var place = new Argument<string?>("place") { Description = "Place name (omit with --at for every place)", Arity = ArgumentArity.ZeroOrOne };
        var at = FusionInput.DateOption("--at", "Date yyyy-MM-dd (default: the latest known state)");
        var history = new Option<bool>("--history") { Description = "The whole timeline of the place" };
        var country = new Option<string?>("--country") { Description = "ISO alpha-2 country filter for --at" };
        var bbox = new Option<string?>("--bbox") { Description = "minLon,minLat,maxLon,maxLat filter for --at" };
        var format = new Option<string>("--format") { Description = "text | json | geojson", DefaultValueFactory = _ => "text" };
        var events = FusionInput.EventsOption();
        var cmd = new Command("control", "Territorial control: who held a place at a date, its history, or a snapshot of every place")
        {
            place, at, history, country, bbox, format, events,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(place);
            var atText = parse.GetValue(at);
            DateOnly? date = null;
            if (atText is not null)
            {
                if (!FusionInput.TryDate(atText, out var d))
                {
                    await Console.Error.WriteLineAsync($"sitrep: --at must be yyyy-MM-dd, not '{atText}'");
                    return 2;
                }

                date = d;
            }

            if (name is null && date is null)
            {
                await Console.Error.WriteLineAsync("sitrep: give a PLACE, or --at DATE for a snapshot");
                return 2;
            }

            (double, double, double, double)? box = null;
            if (parse.GetValue(bbox) is { } b)
            {
                var parts = b.Split(',');
                if (parts.Length != 4 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                {
                    await Console.Error.WriteLineAsync("sitrep: --bbox must be minLon,minLat,maxLon,maxLat");
                    return 2;
                }

                var v = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                box = (v[0], v[1], v[2], v[3]);
            }

            var raw = await FusionInput.LoadAsync(parse, events, ct);
            if (raw is null)
            {
                return 2;
            }

            var map = ControlMap.Build(FusionInput.Fuse(raw.Value).Select(f => f.Event));
            var fmt = parse.GetValue(format) ?? "text";
            if (name is null)
            {
                var snapshot = map.At(date!.Value, parse.GetValue(country), box);
                if (fmt == "geojson")
                {
                    Console.WriteLine(GeoJsonWriter.Control(snapshot, date.Value).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                    return 0;
                }

                foreach (var (t, p) in snapshot)
                {
                    Console.WriteLine(Line(t.Place.Name, p));
                }

                Console.Error.WriteLine($"{snapshot.Length} places known on {date:yyyy-MM-dd}");
                return 0;
            }

            var timelines = map.Find(name);
            if (timelines.IsEmpty)
            {
                Console.WriteLine($"{name}: no control changes known");
                return 1;
            }

            foreach (var t in timelines)
            {
                if (parse.GetValue(history) || date is null && fmt != "geojson")
                {
                    Console.WriteLine($"{t.Place.Name} ({t.Place.Latitude:0.00}, {t.Place.Longitude:0.00}) — {t.Periods.Length} period(s)");
                    foreach (var p in t.Periods)
                    {
                        Console.WriteLine("  " + Line(null, p));
                        PrintEvidence(p);
                    }

                    continue;
                }

                var period = date is { } dd ? t.At(dd) : t.Periods[^1];
                if (period is null)
                {
                    Console.WriteLine($"{t.Place.Name} on {date:yyyy-MM-dd}: unknown (first known change {t.Periods[0].From:yyyy-MM-dd})");
                    continue;
                }

                Console.WriteLine(Line(t.Place.Name, period));
                PrintEvidence(period);
            }

            return 0;
        });
        return cmd;
    }

    static string Line(string? place, ControlPeriod p)
    {
        var who = p.State switch
        {
            ControlState.Contested => $"contested (held by {p.Controller?.Name ?? "unknown"})",
            ControlState.Unknown => "unknown",
            _ => p.Controller?.Name ?? "unknown",
        };
        var since = p.From is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "before records";
        var until = p.Until is { } u ? " until " + u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        return $"{(place is null ? string.Empty : place + ": ")}{who} since {since}{until} [{p.State.ToString().ToLowerInvariant()}]";
    }

    static void PrintEvidence(ControlPeriod p)
    {
        foreach (var e in p.Evidence)
        {
            var what = $"{e.Kind}: {e.From?.Name ?? "?"} -> {e.To?.Name ?? "?"} on {e.EventDate:yyyy-MM-dd}";
            Console.WriteLine($"    evidence {what}{(e.Summary is { } summary ? " — " + summary : string.Empty)}");
            foreach (var s in e.Sources)
            {
                var outlet = s.Outlet ?? s.DocumentId.Value;
                var sentence = s.Sentence.Length > 160 ? s.Sentence[..160] + "…" : s.Sentence;
                Console.WriteLine($"      {outlet}{(s.Published is { } d ? ", " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)}{(s.Url is { } u ? " " + u : string.Empty)}: {sentence}");
            }
        }
    }
}
