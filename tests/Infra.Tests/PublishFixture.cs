using System.Diagnostics;
using NextRouteHandlers.Testing;

namespace Infra.Tests;

/// <summary>
/// Runs <c>deploy/publish.sh</c> once in each hosting mode (each takes tens of seconds) for every test of the
/// collection, from one copy of the sources: <c>dotnet test Serverless.sln</c> may be building the same projects in
/// the repository at the same time, and a publish there would restore and write into their <c>obj/</c> and
/// <c>bin/</c> folders. The copy is also what a fresh clone looks like: nothing built yet. The isolated worker is
/// published first, then the custom handler, as a user switching modes would.
/// </summary>
public sealed class PublishFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "infra-publish-" + Guid.NewGuid().ToString("N"));

    /// <summary>The isolated worker package (the default).</summary>
    public PublishedPackage Worker { get; private set; } = null!;

    /// <summary>The Native AOT custom handler package (<c>--custom-handler</c>).</summary>
    public PublishedPackage CustomHandler { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var sources = Path.Combine(Folder, "repo");
        CopySources(RepositoryPaths.Root, sources);
        Worker = await PublishAsync(sources, Path.Combine(Folder, "worker"), []);
        CustomHandler = await PublishAsync(sources, Path.Combine(Folder, "custom-handler"), ["--custom-handler"]);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<PublishedPackage> PublishAsync(string sources, string output, string[] options)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sources,
        };
        start.ArgumentList.Add(Path.Combine(sources, "deploy", "publish.sh"));
        foreach (var option in options) start.ArgumentList.Add(option);
        start.ArgumentList.Add(output);
        // The test host runs under `dotnet test`; keep its MSBuild settings from leaking into the nested publish.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k is "MSBuildSDKsPath" or "MSBuildExtensionsPath" or "DOTNET_HOST_PATH").ToArray())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(8));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new PublishedPackage(output, process.ExitCode, await stdout + await stderr, clock.Elapsed);
    }

    /// <summary>Copies what the publish reads: the root's files (host.json, Directory.Build.props, ...), src/ and deploy/, without build output.</summary>
    private static void CopySources(string root, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(root)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var folder in new[] { "src", "deploy" }) CopyFolder(Path.Combine(root, folder), Path.Combine(target, folder));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var copy = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(file));
        }

        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj" or ".route-cache")))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

/// <summary>What one run of <c>deploy/publish.sh</c> left in its output folder.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="ExitCode">The script's exit code.</param>
/// <param name="Output">What it printed.</param>
/// <param name="Duration">How long it took.</param>
public sealed record PublishedPackage(string Folder, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>The app root, after checking the script succeeded.</summary>
    public string AppRoot
    {
        get
        {
            Assert.True(ExitCode == 0, $"deploy/publish.sh exited with {ExitCode}:\n{Output}");
            return Path.Combine(Folder, "app");
        }
    }

    /// <summary>The zip to deploy.</summary>
    public string Zip => Path.Combine(Folder, "app.zip");

    /// <summary>Where the symbols were moved.</summary>
    public string Symbols => Path.Combine(Folder, "symbols");

    /// <summary>Every file of the app root, relative to it, with '/' separators, in ordinal order.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(AppRoot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(AppRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
}

/// <summary>The tests that share the two publishes.</summary>
[CollectionDefinition(Name)]
public sealed class PublishCollection : ICollectionFixture<PublishFixture>
{
    public const string Name = "publish";
}
