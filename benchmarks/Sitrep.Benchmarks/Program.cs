using BenchmarkDotNet.Running;
using Sitrep.Benchmarks;

if (args is ["ingest-cpu", .. var rest])
{
    return await IngestCpuRun.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
