using System.CommandLine;
using System.Text.Json;
using Sitrep.Reports;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep export --format jsonl|geojson|acled-csv [--from D --to D] [--out FILE]</c>: fused events for other tools.</summary>
static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl | geojson | acled-csv", DefaultValueFactory = _ => "jsonl" };
        var from = FusionInput.DateOption("--from", "First day yyyy-MM-dd");
        var to = FusionInput.DateOption("--to", "Last day yyyy-MM-dd");
        var output = new Option<string?>("--out") { Description = "Output file (default: stdout)" };
        var events = FusionInput.EventsOption();
        var cmd = new Command("export", "Export fused events as JSONL, GeoJSON or ACLED-format CSV") { format, from, to, output, events };
        cmd.SetAction(async (parse, ct) =>
        {
            var fmt = parse.GetValue(format);
            if (fmt is not ("jsonl" or "geojson" or "acled-csv"))
            {
                await Console.Error.WriteLineAsync($"sitrep: --format must be jsonl, geojson or acled-csv, not '{fmt}'");
                return 2;
            }

            var f = DateOnly.MinValue;
            var t = DateOnly.MaxValue;
            if ((parse.GetValue(from) is { } fs && !FusionInput.TryDate(fs, out f)) || (parse.GetValue(to) is { } ts && !FusionInput.TryDate(ts, out t)))
            {
                await Console.Error.WriteLineAsync("sitrep: --from/--to must be yyyy-MM-dd");
                return 2;
            }

            var raw = await FusionInput.LoadAsync(parse, events, ct);
            if (raw is null)
            {
                return 2;
            }

            var fused = FusionInput.Fuse(raw.Value).Where(e => e.Event.EventDate >= f && e.Event.EventDate <= t)
                .OrderBy(e => e.Event.EventDate).ThenBy(e => e.Id.Value, StringComparer.Ordinal).ToArray();
            var path = parse.GetValue(output);
            await using var writer = path is null ? Console.Out : new StreamWriter(path);
            switch (fmt)
            {
                case "jsonl":
                    foreach (var e in fused)
                    {
                        await writer.WriteAsync(FusedJson.ToJson(e).ToJsonString() + "\n");
                    }

                    break;
                case "geojson":
                    await writer.WriteAsync(GeoJsonWriter.Events(fused).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
                    break;
                default:
                    AcledCsv.Write(writer, fused, Countries.Default);
                    break;
            }

            await writer.FlushAsync(ct);
            await Console.Error.WriteLineAsync($"{fused.Length} fused events from {raw.Value.Length} reports");
            return 0;
        });
        return cmd;
    }
}
