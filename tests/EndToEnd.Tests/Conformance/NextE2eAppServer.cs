namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>tests/NextE2eApp, the port of Next.js's app-routes e2e fixture, as its own process with a fresh cache.</summary>
public sealed class NextE2eAppServer() : AppProcessServer("tests/NextE2eApp", "NextE2eApp");
