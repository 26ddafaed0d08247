using System.CommandLine;
using System.Globalization;
using Sitrep.Events;
using Sitrep.Reports;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep compare acled FILE --from D --to D</c>: matches, misses and extras of our fused events against ACLED's, by <see cref="EventMatcher"/>.</summary>
static class CompareCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "ACLED-format CSV" };
        var from = FusionInput.DateOption("--from", "First day yyyy-MM-dd");
        var to = FusionInput.DateOption("--to", "Last day yyyy-MM-dd");
        var window = new Option<int>("--window") { Description = "Date window in days", DefaultValueFactory = _ => EventMatchOptions.Default.DateWindowDays };
        var list = new Option<bool>("--list") { Description = "List each match, miss and extra" };
        var events = FusionInput.EventsOption();
        var acled = new Command("acled", "Compare fused events with an ACLED export for a period") { file, from, to, window, list, events };
        acled.SetAction(async (parse, ct) =>
        {
            if (!FusionInput.TryDate(parse.GetValue(from), out var f) || !FusionInput.TryDate(parse.GetValue(to), out var t))
            {
                await Console.Error.WriteLineAsync("sitrep: --from and --to (yyyy-MM-dd) are required");
                return 2;
            }

            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"sitrep: file not found: {path}");
                return 2;
            }

            var errors = new List<string>();
            using var reader = new StreamReader(path);
            var reference = AcledCsv.Read(reader, Countries.Default, errors).Where(e => e.EventDate >= f && e.EventDate <= t).ToArray();
            var raw = await FusionInput.LoadAsync(parse, events, ct);
            if (raw is null)
            {
                return 2;
            }

            var ours = FusionInput.Fuse(raw.Value).Select(x => x.Event).Where(e => e.EventDate >= f && e.EventDate <= t).ToArray();
            var alignment = EventMatcher.Align(reference, ours, EventMatchOptions.Default with { DateWindowDays = parse.GetValue(window) });
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"ACLED {reference.Length}, Sitrep {ours.Length}: matches {alignment.Matches.Length}, misses {alignment.Misses.Length}, extras {alignment.Extras.Length}"));
            var p = ours.Length == 0 ? 0 : (double)alignment.Matches.Length / ours.Length;
            var r = reference.Length == 0 ? 0 : (double)alignment.Matches.Length / reference.Length;
            Console.WriteLine(string.Create(inv, $"share of ours matched {p:0.000}, share of ACLED's found {r:0.000}"));
            if (parse.GetValue(list))
            {
                foreach (var (a, o) in alignment.Matches)
                {
                    Console.WriteLine($"match  {Describe(a)}  <->  {Describe(o)}");
                }

                foreach (var m in alignment.Misses)
                {
                    Console.WriteLine($"miss   {Describe(m)}");
                }

                foreach (var x in alignment.Extras)
                {
                    Console.WriteLine($"extra  {Describe(x)}");
                }
            }

            return 0;
        });
        return new Command("compare", "Compare Sitrep's events with a reference dataset") { acled };
    }

    static string Describe(ConflictEvent e) =>
        $"{e.EventDate:yyyy-MM-dd} {AcledTaxonomy.Label(e.SubEventType)} at {e.Location?.Name ?? "?"} ({e.Id})";
}
