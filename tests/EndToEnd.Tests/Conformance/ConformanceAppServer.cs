namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>tests/ConformanceApp, the port of nextjs-app, as its own process with a fresh cache.</summary>
public sealed class ConformanceAppServer() : AppProcessServer("tests/ConformanceApp", "ConformanceApp");
