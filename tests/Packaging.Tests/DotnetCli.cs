using System.Diagnostics;
using System.Text;

namespace Packaging.Tests;

/// <summary>What one <c>dotnet</c> command printed, and how it ended.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output and error, interleaved.</param>
/// <param name="Duration">How long it ran.</param>
public sealed record CliResult(string Command, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>Fails the test, with the output, unless the command succeeded.</summary>
    public CliResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"`{Command}` exited with {ExitCode} after {Duration.TotalSeconds:F0} s:\n{Output}");
        return this;
    }

    /// <summary>The lines MSBuild reported as warnings, each once.</summary>
    public IReadOnlyList<string> Warnings() =>
        Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToArray();
}

/// <summary>
/// Runs the .NET CLI as a user at a terminal would: in a folder, with the environment of a shell rather than that of
/// the <c>dotnet test</c> run hosting the test (whose MSBuild variables would leak into the nested builds). Builds
/// leave no MSBuild or compiler server behind, and a command that hangs is killed by its PID.
/// </summary>
public static class DotnetCli
{
    /// <summary>The dotnet executable that runs the tests.</summary>
    public static string Executable { get; } = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="folder"/>.</summary>
    /// <param name="folder">The working folder.</param>
    /// <param name="arguments">The arguments.</param>
    public static async Task<CliResult> RunAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Clean(start.Environment);

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`dotnet {string.Join(' ', arguments)}` did not finish within 5 minutes:\n{Text(output)}");
        }

        process.WaitForExit();
        return new CliResult("dotnet " + string.Join(' ', arguments), process.ExitCode, Text(output), clock.Elapsed);
    }

    /// <summary>
    /// The environment a nested dotnet command gets: the test host's, without the MSBuild settings of the outer
    /// build (<see cref="InheritedMSBuildVariables"/>), with <see cref="ShellVariables"/>.
    /// </summary>
    /// <param name="environment">The process's environment, changed in place.</param>
    public static void Clean(IDictionary<string, string?> environment)
    {
        foreach (var key in InheritedMSBuildVariables()) environment.Remove(key);
        foreach (var (key, value) in ShellVariables()) environment[key] = value;
    }

    /// <summary>The variables this process inherited from the MSBuild run of <c>dotnet test</c>.</summary>
    public static IReadOnlyList<string> InheritedMSBuildVariables() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_HOST_PATH")
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>No MSBuild node reuse, build server or compiler server left running afterwards, and no first-run noise.</summary>
    public static Dictionary<string, string> ShellVariables() => new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
    };

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
