using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Infra.Tests;

/// <summary>
/// The Bicep CLI from the <c>Azure.Bicep.CommandLine.linux-x64</c> package that restore downloaded (see the
/// <c>PackageDownload</c> in the project file). It needs no network for templates without registry modules.
/// </summary>
public static class BicepCli
{
    /// <summary>The version the project pins.</summary>
    public static string Version { get; } = Metadata("BicepCliVersion");

    /// <summary>The path of the <c>bicep</c> executable, made executable if the package extraction lost the mode.</summary>
    public static string Path { get; } = Locate();

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> and returns what it printed.</summary>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="environment">Extra environment variables (null values remove a variable).</param>
    /// <param name="arguments">The arguments.</param>
    public static async Task<BicepResult> RunAsync(string workingDirectory, IDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Offline and quiet: no telemetry, no update checks.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("BICEP_PARAMETERS_OVERRIDES");
        start.Environment.Remove("REVALIDATE_SECRET");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BicepResult(process.ExitCode, await output, await error, "bicep " + string.Join(' ', arguments));
    }

    private static string Locate()
    {
        var path = Metadata("BicepCli");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI {Version} is not at {path}. Run `dotnet restore tests/Infra.Tests`: its PackageDownload fetches Azure.Bicep.CommandLine.linux-x64.", path);
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}

/// <summary>What one <c>bicep</c> command did.</summary>
public sealed record BicepResult(int ExitCode, string Output, string Error, string Command)
{
    /// <summary>Every diagnostic line (<c>file(line,col) : Level rule: message</c>) bicep printed.</summary>
    public IReadOnlyList<string> Diagnostics =>
        (Output + "\n" + Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(") : ", StringComparison.Ordinal))
            .ToArray();

    /// <summary>The diagnostics at level Error.</summary>
    public IReadOnlyList<string> Errors => Diagnostics.Where(d => d.Contains(") : Error ", StringComparison.Ordinal)).ToArray();

    /// <summary>The diagnostics at level Warning.</summary>
    public IReadOnlyList<string> Warnings => Diagnostics.Where(d => d.Contains(") : Warning ", StringComparison.Ordinal)).ToArray();

    /// <summary>Everything bicep printed, for failure messages.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Command} exited with {ExitCode}.");
        if (Output.Length > 0) text.AppendLine("stdout:").AppendLine(Output);
        if (Error.Length > 0) text.AppendLine("stderr:").AppendLine(Error);
        return text.ToString();
    }
}
