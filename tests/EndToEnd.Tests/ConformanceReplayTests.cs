using System.Diagnostics;
using System.Text.RegularExpressions;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.EndToEnd.Tests;

/// <summary>
/// Replays the cases recorded from the real Next.js server against tests/ConformanceApp, with the adapter profile
/// and our overrides, for the groups ported so far. Any failing case fails the test with the tool's output.
/// </summary>
public sealed partial class ConformanceReplayTests
{
    // Every group of the corpus is ported.
    private static readonly string[] PortedGroups = ["routing", "methods", "request", "response", "body", "streaming", "caching", "nonui", "cors"];

    [Fact]
    public async Task The_ported_groups_of_the_nextjs_corpus_pass()
    {
        var replay = Path.Combine(RepositoryPaths.Shared, "conformance", "replay.py");
        Assert.True(File.Exists(replay), $"The conformance corpus is missing: {replay} (the repository expects shared/ beside it).");
        var port = LoopbackApp.FreePort();
        var cache = Directory.CreateTempSubdirectory("conformance-cache-");

        // The corpus starts from the state 'next build' leaves: prerendered entries, nothing revalidated yet.
        await using var app = await AppProcess.StartAsync(RepositoryPaths.BuiltApp("tests/ConformanceApp", "ConformanceApp"), port, ["--urls", $"http://127.0.0.1:{port}", $"--Cache:FileSystem:Path={cache.FullName}"]);

        var arguments = new List<string> { replay, "--base", app.BaseAddress.ToString().TrimEnd('/'), "--profile", "adapter", "--overrides", Path.Combine(RepositoryPaths.Root, "tests", "Conformance", "overrides.json") };
        foreach (var group in PortedGroups) arguments.AddRange(["--group", group]);
        var (exitCode, output) = await RunAsync("python3", arguments);

        await app.DisposeAsync();
        cache.Delete(recursive: true);
        var summary = Summary().Match(output);
        Assert.True(summary.Success, "replay.py printed no summary:\n" + output);
        Assert.True(exitCode == 0 && summary.Groups["failed"].Value == "0", $"Conformance failures:\n{output}\nApp output:\n{app.Output}");
        Assert.True(int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 90, output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
