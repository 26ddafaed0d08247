using BenchmarkDotNet.Running;
using Sitrep.Benchmarks;

if (args is ["ingest-cpu", .. var rest])
{
    return await IngestCpuRun.RunAsync(rest);
}

if (args is ["syntax-cpu", .. var syntaxArgs])
{
    return SyntaxCpuRun.Run(syntaxArgs);
}

if (args.Length > 0 && args[0] == "--pipeline-once")
{
    PipelineBenchmarks.Once();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
