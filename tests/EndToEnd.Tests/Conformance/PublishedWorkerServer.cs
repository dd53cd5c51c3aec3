using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.Conformance;
using NextRouteHandlers.Testing.FunctionsHost;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// A test app published as an isolated worker, behind the stand-in Functions host, with a fresh file-system cache.
/// What the host does on purpose differently from <c>next start</c> is in each corpus's hosting overrides file.
/// </summary>
/// <param name="publishedApp">Publishes the app (once per test run) and gives its folder.</param>
public abstract class PublishedWorkerServer(Func<Task<string>> publishedApp) : ReplayServer
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
            AppDirectory = await publishedApp(),
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
        corpus == ConformanceCorpus.NextjsApp ? "overrides.functions-host.json"
        : corpus == ConformanceCorpus.AppRoutesE2e ? Path.Combine("e2e", "overrides.e2e.functions-host.json")
        : null;
}
