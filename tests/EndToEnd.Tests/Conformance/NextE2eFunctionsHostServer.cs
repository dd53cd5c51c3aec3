using NextRouteHandlers.EndToEnd.Tests.Worker;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>tests/NextE2eApp published as an isolated worker, behind the stand-in Functions host.</summary>
public sealed class NextE2eFunctionsHostServer() : PublishedWorkerServer(PublishedWorker.NextE2eAppAsync);
