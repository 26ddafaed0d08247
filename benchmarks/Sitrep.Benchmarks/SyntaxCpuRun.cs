namespace Sitrep.Benchmarks;

/// <summary>
/// Documented speed run of the syntax layer (<c>dotnet run -c Release -- syntax-cpu [ROUNDS] [--model FILE]</c>): tag + parse of the
/// <see cref="SyntaxBenchmarks"/> sentences (400 FA-KES news sentences) on one thread, timed in thread CPU time
/// (<see cref="Environment.CpuUsage"/> of the process, which only this thread loads), so a machine shared with other
/// work distorts it far less than wall time. Prints tokens per CPU-second and bytes allocated per token per round
/// (round 1 includes JIT), then the same for tagging alone, and last a digest of every token's tag, lemma, head and
/// relation, so that a speed change can be checked to leave the analyses unchanged.
/// </summary>
static class SyntaxCpuRun
{
    public static int Run(string[] args)
    {
        var m = Array.IndexOf(args, "--model");
        var model = m >= 0 && m + 1 < args.Length ? args[m + 1] : null;
        var rest = model is null ? args : [.. args.Where((_, i) => i != m && i != m + 1)];
        var rounds = rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var bench = new SyntaxBenchmarks { ModelPath = model };
        var load = System.Diagnostics.Stopwatch.StartNew();
        _ = model is null ? Sitrep.Syntax.SyntaxParser.LoadDefault() : Sitrep.Syntax.SyntaxParser.Load(model);
        Console.WriteLine(FormattableString.Invariant($"model load (cold, JIT included): {load.Elapsed.TotalMilliseconds:F0} ms"));
        bench.Setup();
        static double Cpu() => Environment.CpuUsage.TotalTime.TotalSeconds;
        foreach (var (name, op) in new (string, Func<int>)[] { ("full", bench.Full), ("tag+parse", bench.TagAndParse), ("tag", bench.Tag) })
        {
            for (var round = 1; round <= rounds; round++)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var c0 = Cpu();
                var wall = System.Diagnostics.Stopwatch.StartNew();
                var tokens = 0;
                for (var k = 0; k < 5; k++)
                {
                    tokens += op();
                }

                var cpu = Cpu() - c0;
                var alloc = GC.GetAllocatedBytesForCurrentThread() - bytes;
                Console.WriteLine(FormattableString.Invariant(
                    $"{name} round {round}: {tokens} tokens, {tokens / cpu:F0} tokens/CPU-s ({tokens / wall.Elapsed.TotalSeconds:F0}/s wall), {alloc / (double)tokens:F0} B allocated/token"));
            }
        }

        Console.WriteLine(FormattableString.Invariant($"analysis digest: {bench.Digest():x16}"));
        return 0;
    }
}
