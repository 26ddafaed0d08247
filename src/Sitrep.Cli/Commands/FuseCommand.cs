using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep fuse [--events FILE]</c>: fuses the extracted events, stores the fused events and prints how many reports collapsed into how many events.</summary>
static class FuseCommand
{
    public static Command Create()
    {
        var events = FusionInput.EventsOption();
        var noStore = new Option<bool>("--no-store") { Description = "Do not write the fused events to the database" };
        var cmd = new Command("fuse", "Fuse reports of the same occurrence across articles and store the fused events") { events, noStore };
        cmd.SetAction(async (parse, ct) =>
        {
            var raw = await FusionInput.LoadAsync(parse, events, ct);
            if (raw is null)
            {
                return 2;
            }

            var watch = Stopwatch.StartNew();
            var fused = FusionInput.Fuse(raw.Value);
            watch.Stop();
            var asserted = fused.Sum(f => f.Reports.Length);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"reports {raw.Value.Length} ({asserted} asserted or claimed) -> fused events {fused.Length}"));
            Console.WriteLine(string.Create(inv, $"fused events with >1 report {fused.Count(f => f.Reports.Length > 1)}, with >1 independent source {fused.Count(f => f.IndependentSources > 1)}, with conflicting claims {fused.Count(f => !f.Conflicts.IsEmpty)}"));
            Console.WriteLine(string.Create(inv, $"located reports {fused.SelectMany(f => f.Reports).Count(r => r.Location is not null)}; fusion took {watch.Elapsed.TotalSeconds:0.00} s"));
            if (!parse.GetValue(noStore) && parse.GetValue(events) is not { Length: > 0 })
            {
                var store = new SqliteFusionStore(new SqliteDatabase(parse.GetValue(CommonOptions.Db) ?? "sitrep.db", TimeProvider.System));
                await store.SaveFusedAsync(fused, ct);
                var stored = await store.CountFusedAsync(ct);
                Console.WriteLine(string.Create(inv, $"stored: {stored} fused events"));
            }

            return 0;
        });
        return cmd;
    }
}
