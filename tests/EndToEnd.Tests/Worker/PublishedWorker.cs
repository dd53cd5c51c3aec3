using System.Diagnostics;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.EndToEnd.Tests.Worker;

/// <summary>
/// The test apps published as isolated workers (<c>dotnet publish --no-build</c> of the build the tests ran against,
/// into a folder of this test run), each once for every test that needs it.
/// </summary>
public static class PublishedWorker
{
    private static readonly Lazy<Task<string>> ConformanceApp = new(() => PublishAsync("tests/ConformanceApp"));
    private static readonly Lazy<Task<string>> NextE2eApp = new(() => PublishAsync("tests/NextE2eApp"));

    /// <summary>The published app root of tests/ConformanceApp.</summary>
    public static Task<string> ConformanceAppAsync() => ConformanceApp.Value;

    /// <summary>The published app root of tests/NextE2eApp.</summary>
    public static Task<string> NextE2eAppAsync() => NextE2eApp.Value;

    private static async Task<string> PublishAsync(string project)
    {
        var output = Path.Combine(Path.GetTempPath(), "published-worker-" + Guid.NewGuid().ToString("N")[..12]);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[] { "publish", project, "-c", RepositoryPaths.Configuration, "--no-build", "-o", output, "-nologo" }) start.ArgumentList.Add(argument);
        // The test host runs under `dotnet test`; keep its MSBuild settings from leaking into the nested publish.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k is "MSBuildSDKsPath" or "MSBuildExtensionsPath" or "DOTNET_HOST_PATH").ToArray())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish {project} failed ({process.ExitCode}):\n{await stdout}{await stderr}");
        if (!File.Exists(Path.Combine(output, "functions.metadata"))) throw new InvalidOperationException($"dotnet publish {project} wrote no functions.metadata to {output}.");
        return output;
    }
}
