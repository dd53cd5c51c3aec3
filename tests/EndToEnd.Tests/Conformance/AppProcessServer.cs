using NextRouteHandlers.Testing;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// A built test app as its own process on 127.0.0.1, with a fresh file-system cache: the state <c>next build</c>
/// leaves, which a corpus starts from (prerendered entries present, nothing revalidated yet).
/// </summary>
/// <param name="projectFolder">The app's project folder, relative to the repository root.</param>
/// <param name="assemblyName">The app's assembly name.</param>
public abstract class AppProcessServer(string projectFolder, string assemblyName) : ReplayServer
{
    private AppProcess? _app;
    private DirectoryInfo? _cache;

    /// <inheritdoc />
    public override Uri BaseAddress => App.BaseAddress;

    /// <inheritdoc />
    public override string Output => _app?.Output ?? string.Empty;

    private AppProcess App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        var port = LoopbackApp.FreePort();
        _cache = Directory.CreateTempSubdirectory("conformance-cache-");
        _app = await AppProcess.StartAsync(
            RepositoryPaths.BuiltApp(projectFolder, assemblyName),
            port,
            ["--urls", $"http://127.0.0.1:{port}", $"--Cache:FileSystem:Path={_cache.FullName}"]);
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _cache?.Delete(recursive: true);
    }
}
