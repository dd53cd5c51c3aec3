using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In process (the app's generated manifest is compiled into this assembly) and short, so a full run takes a few
// minutes on a 2-core machine; pass BenchmarkDotNet arguments (--filter, --job) to change it.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"));
BenchmarkSwitcher.FromAssembly(typeof(HotPathBench.PipelineBenchmarks).Assembly).Run(args, config);
