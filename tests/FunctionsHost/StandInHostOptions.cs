namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>How the stand-in host starts the worker: where the published app is, and what it passes to it.</summary>
public sealed class StandInHostOptions
{
    /// <summary>The published Function App root: <c>host.json</c>, <c>functions.metadata</c>, <c>worker.config.json</c> and the worker's dll.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>App settings: the host passes each to the worker as an environment variable.</summary>
    public Dictionary<string, string> AppSettings { get; init; } = [];

    /// <summary>Extra command-line arguments for the worker, after the host's own (configuration overrides, say).</summary>
    public IReadOnlyList<string> WorkerArguments { get; init; } = [];

    /// <summary>How long the worker may take from process start to its functions being loaded.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The port clients reach the host on, on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Whether the stand-in checks that the worker reports exactly the route-handler catch-all function: one anonymous
    /// <c>httpTrigger</c> on route <c>{*path}</c> for the seven methods. On by default; benchmarks of a bare worker turn it off.
    /// </summary>
    public bool RequireCatchAllFunction { get; init; } = true;
}
