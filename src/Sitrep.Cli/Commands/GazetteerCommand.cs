using System.CommandLine;
using System.Diagnostics;
using Sitrep.Geo;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep gazetteer build|info</c>: compile the gazetteer index, or load it and report figures.</summary>
static class GazetteerCommand
{
    public static Command Create()
    {
        var cmd = new Command("gazetteer", "Compile or inspect the gazetteer index (GeoNames cities500 + supplement)");
        var places = new Option<string[]>("--places") { Description = "Extra supplement file(s), same format as data/geo/supplement.tsv", AllowMultipleArgumentsPerToken = true };
        var build = new Command("build", "Compile the npm data and the supplement into the cached binary index");
        build.Options.Add(places);
        build.SetAction(r =>
        {
            var src = Gazetteer.LocateSources(r.GetValue(places) ?? [], out var problem);
            if (src is null)
            {
                Console.Error.WriteLine($"sitrep: {problem}");
                return 1;
            }

            var sw = Stopwatch.StartNew();
            var (path, warnings) = Gazetteer.Build(src);
            foreach (var w in warnings)
            {
                Console.Error.WriteLine($"sitrep: {w}");
            }

            Console.WriteLine($"gazetteer: {path} ({new FileInfo(path).Length / 1048576.0:0.0} MiB) built in {sw.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        var info = new Command("info", "Load the index and print its size, load time and memory");
        info.Options.Add(places);
        info.SetAction(r =>
        {
            var before = GC.GetTotalMemory(true);
            var sw = Stopwatch.StartNew();
            var g = Gazetteer.Load(r.GetValue(places) ?? [], Console.Error);
            var load = sw.Elapsed.TotalMilliseconds;
            var managed = GC.GetTotalMemory(true) - before;
            using var proc = Process.GetCurrentProcess();
            Console.WriteLine($"index: {g.IndexPath}");
            Console.WriteLine($"entries: {g.Count:N0}");
            Console.WriteLine($"load: {load:0} ms");
            Console.WriteLine($"managed heap of the index: {managed / 1048576.0:0} MiB; process working set: {proc.WorkingSet64 / 1048576.0:0} MiB");
            GC.KeepAlive(g);
            return 0;
        });
        cmd.Subcommands.Add(build);
        cmd.Subcommands.Add(info);
        return cmd;
    }
}
