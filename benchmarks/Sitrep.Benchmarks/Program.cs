using BenchmarkDotNet.Running;
using Sitrep.Benchmarks;

if (args.Length > 0 && args[0] == "--pipeline-once")
{
    PipelineBenchmarks.Once();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
