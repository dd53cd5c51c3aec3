using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// A short job keeps a full run to a few minutes on a 2-core machine; pass BenchmarkDotNet arguments to change it.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("short"));
BenchmarkSwitcher.FromAssembly(typeof(RoutingBench.RouteMatchingBenchmarks).Assembly).Run(args, config);
