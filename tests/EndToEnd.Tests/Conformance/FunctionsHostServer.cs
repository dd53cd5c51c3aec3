using NextRouteHandlers.EndToEnd.Tests.Worker;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>tests/ConformanceApp published as an isolated worker, behind the stand-in Functions host.</summary>
public sealed class FunctionsHostServer() : PublishedWorkerServer(PublishedWorker.ConformanceAppAsync);
