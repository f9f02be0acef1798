using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// `web-report`: the per-agent page through a real serve host (not a BenchmarkDotNet benchmark: it times HTTP requests).
if (args.Length > 0 && args[0] == "web-report")
{
    return await QaShopper.Benchmarks.WebReportBenchmark.RunAsync(args).ConfigureAwait(false);
}

// In-process: BenchmarkDotNet 0.14 predates net10.0 monikers, and an in-process run measures the same code.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
