using System.Reflection;
using System.Xml.Linq;
using NextRouteHandlers.Testing;

namespace Packaging.Tests;

/// <summary>
/// The start of a user's journey, once for all of its tests, from packages only:
/// <list type="number">
/// <item>pack NextRouteHandlers, NextRouteHandlers.Functions and NextRouteHandlers.Templates into a folder feed, with a
/// version of this run's own (so no package cache can hold an older build of it);</item>
/// <item>install the templates from that feed (into a template hive of the test's own, not the machine's);</item>
/// <item>in a temporary folder outside the repository, write a nuget.config naming the feed and the package sources
/// this machine's NuGet configuration uses, and run <c>dotnet new nextjs-functions -n Contoso.Api --tests</c>, which
/// restores the new projects;</item>
/// <item>add a route with <c>dotnet new route --path api/orders/[id] --methods GET,POST</c> in the project folder;</item>
/// <item>build the new solution.</item>
/// </list>
/// The tests then serve, test and break what was built. Everything is deleted afterwards, including this run's
/// packages from the global package folder.
/// </summary>
public sealed class JourneyFixture : IAsyncLifetime
{
    /// <summary>The app's name, as the user gives it to <c>dotnet new -n</c>.</summary>
    public const string AppName = "Contoso.Api";

    private readonly TemporaryFolder _folder = new();
    private readonly List<string> _steps = [];

    /// <summary>This run's prerelease label, so no package cache can hold an older build of the same version.</summary>
    public string VersionSuffix { get; } = "journey." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

    /// <summary>This run's package version: the repository's version (Directory.Build.props) with <see cref="VersionSuffix"/>.</summary>
    public string Version => typeof(JourneyFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "VersionPrefix").Value + "-" + VersionSuffix;

    /// <summary>The folder feed the packages were packed into.</summary>
    public string Feed => Path.Combine(_folder.Path, "feed");

    /// <summary>The folder the user works in: it holds nuget.config and the new app, and is outside the repository.</summary>
    public string Workspace => Path.Combine(_folder.Path, "work");

    /// <summary>The new app's root: the solution, README, infra/, deploy/.</summary>
    public string AppRoot => Path.Combine(Workspace, AppName);

    /// <summary>The app project's folder.</summary>
    public string ProjectFolder => Path.Combine(AppRoot, "src", AppName);

    /// <summary>The built app: the worker the Functions host starts, and what <c>dotnet run</c> runs.</summary>
    public string BuildOutput => Path.Combine(ProjectFolder, "bin", "Release", "net10.0");

    /// <summary>The template hive <c>dotnet new</c> installs into (its <c>--debug:custom-hive</c>).</summary>
    public string Hive => Path.Combine(_folder.Path, "hive");

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public CliResult Pack { get; private set; } = null!;

    /// <summary>What building the new solution printed.</summary>
    public CliResult Build { get; private set; } = null!;

    /// <summary>The package sources of this machine's NuGet configuration, which the new app's nuget.config lists after the feed.</summary>
    public IReadOnlyList<string> MachineSources { get; private set; } = [];

    /// <summary>Each step and how long it took, for failure messages and the test log.</summary>
    public string Steps => string.Join('\n', _steps);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Workspace);
        Assert.False(IsInside(Workspace, RepositoryPaths.Root), $"{Workspace} is inside the repository.");

        Pack = await Step(RepositoryPaths.Root, "pack", "eng/Packages.slnf", "-c", "Release", "--no-build", "-o", Feed, $"-p:VersionSuffix={VersionSuffix}", "-nologo");
        Pack.Succeeded();
        (await Step(_folder.Path, "new", "install", Path.Combine(Feed, $"NextRouteHandlers.Templates.{Version}.nupkg"), "--debug:custom-hive", Hive)).Succeeded();

        // The machine's sources, read where the app will live (before its own nuget.config exists there).
        var sources = await Step(Workspace, "nuget", "list", "source", "--format", "short");
        MachineSources = sources.Succeeded().Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("E ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToArray();
        Assert.NotEmpty(MachineSources);
        WriteNuGetConfig();

        (await Step(Workspace, "new", "nextjs-functions", "-n", AppName, "--tests", "--debug:custom-hive", Hive)).Succeeded();
        (await Step(ProjectFolder, "new", "route", "--path", "api/orders/[id]", "--methods", "GET,POST", "--debug:custom-hive", Hive)).Succeeded();
        Build = await Step(AppRoot, "build", AppName + ".slnx", "-c", "Release", "-nologo");
        Build.Succeeded();
    }

    public async Task DisposeAsync()
    {
        _folder.Dispose();
        // This run's packages in the global package folder: nothing else will ever restore that version.
        var locals = await DotnetCli.RunAsync(Path.GetTempPath(), "nuget", "locals", "global-packages", "--list");
        var globalPackages = locals.Output.Split(':', 2) is [_, var path] ? path.Trim() : null;
        foreach (var id in new[] { "nextroutehandlers", "nextroutehandlers.functions" })
        {
            var folder = globalPackages is null ? null : Path.Combine(globalPackages, id, Version);
            if (folder is not null && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs one step in <paramref name="folder"/> and records it.</summary>
    /// <param name="folder">Where to run it.</param>
    /// <param name="arguments">The dotnet command.</param>
    public async Task<CliResult> Step(string folder, params string[] arguments)
    {
        var result = await DotnetCli.RunAsync(folder, arguments);
        lock (_steps) _steps.Add($"{result.Duration.TotalSeconds,5:F1} s  {result.Command}  (exit {result.ExitCode})");
        return result;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    /// <summary>The new app's nuget.config: the feed first, then the machine's own sources, and nothing else.</summary>
    private void WriteNuGetConfig()
    {
        var sources = new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "journey-feed"), new XAttribute("value", Feed)));
        for (var i = 0; i < MachineSources.Count; i++) sources.Add(new XElement("add", new XAttribute("key", $"source{i + 1}"), new XAttribute("value", MachineSources[i])));
        new XDocument(new XElement("configuration", sources)).Save(Path.Combine(Workspace, "nuget.config"));
    }
}

/// <summary>The tests that share one journey.</summary>
[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<JourneyFixture>
{
    public const string Name = "journey";
}
