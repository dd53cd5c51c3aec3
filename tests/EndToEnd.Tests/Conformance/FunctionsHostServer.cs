using NextRouteHandlers.EndToEnd.Tests.Worker;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.Conformance;
using NextRouteHandlers.Testing.FunctionsHost;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// tests/ConformanceApp published as an isolated worker, behind the stand-in Functions host, with a fresh file-system
/// cache. What the host does on purpose differently from <c>next start</c> is in <c>overrides.functions-host.json</c>.
/// </summary>
public sealed class FunctionsHostServer : ReplayServer
{
    private StandInFunctionsHost? _host;
    private TemporaryFolder? _cache;

    /// <inheritdoc />
    public override Uri BaseAddress => Host.BaseAddress;

    /// <inheritdoc />
    public override string Output => _host?.WorkerOutput ?? string.Empty;

    private StandInFunctionsHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        _cache = new TemporaryFolder();
        _host = await StandInFunctionsHost.StartAsync(new StandInHostOptions
        {
            AppDirectory = await PublishedWorker.ConformanceAppAsync(),
            AppSettings = { ["Cache__FileSystem__Path"] = _cache.Path },
        });
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            var exitCode = await _host.StopAsync();
            await _host.DisposeAsync();
            Assert.Equal(0, exitCode);
        }

        _cache?.Dispose();
    }

    /// <inheritdoc />
    protected override string? HostingOverridesFile(ConformanceCorpus corpus) =>
        corpus == ConformanceCorpus.NextjsApp ? "overrides.functions-host.json" : null;
}
