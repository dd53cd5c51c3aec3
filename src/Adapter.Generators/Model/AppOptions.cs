using Microsoft.CodeAnalysis.Diagnostics;

namespace NextRouteHandlers.Generators.Model;

/// <summary>The MSBuild properties the generator reads.</summary>
/// <param name="AppDirectory">The <c>app/</c> folder, full path with <c>/</c> separators and a trailing <c>/</c>; empty when unknown.</param>
/// <param name="ProjectDirectory">The project folder, for short file names in messages; may be empty.</param>
/// <param name="RootNamespace">The namespace of the generated <c>AppRoutes</c> class.</param>
internal sealed record AppOptions(string AppDirectory, string ProjectDirectory, string RootNamespace)
{
    /// <summary>
    /// Reads <c>RouteHandlersAppDirectory</c>, <c>ProjectDir</c> and <c>RootNamespace</c> (see <c>RouteHandlers.targets</c>);
    /// without an app folder, <c>app/</c> in the project folder.
    /// </summary>
    public static AppOptions From(AnalyzerConfigOptions global)
    {
        global.TryGetValue("build_property.RouteHandlersAppDirectory", out var appDirectory);
        global.TryGetValue("build_property.ProjectDir", out var projectDirectory);
        global.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        var project = PathText.AsDirectory(projectDirectory);
        var app = PathText.AsDirectory(appDirectory);
        if (app.Length == 0 && project.Length > 0) app = project + "app/";
        return new AppOptions(app, project, rootNamespace ?? string.Empty);
    }

    /// <summary>True for a file of the app: inside the app folder and in no private folder.</summary>
    public bool Serves(string filePath) => Contains(filePath) && !IsInPrivateFolder(filePath);

    public bool Contains(string filePath) => AppDirectory.Length > 0 && PathText.Normalize(filePath).StartsWith(AppDirectory, StringComparison.Ordinal);

    public string RelativeToApp(string filePath) => PathText.Normalize(filePath).Substring(AppDirectory.Length);

    /// <summary>
    /// True when a folder between the app folder and the file is private (<c>_name</c>): Next.js skips such files
    /// before it looks at any other folder name, so they are neither routes nor pages and get no diagnostics.
    /// </summary>
    public bool IsInPrivateFolder(string filePath)
    {
        var folders = RelativeToApp(filePath).Split('/');
        for (var i = 0; i < folders.Length - 1; i++)
        {
            if (NextRouteHandlers.Routing.SegmentParser.ParseFolder(folders[i]).Kind == NextRouteHandlers.Routing.SegmentKind.Private) return true;
        }

        return false;
    }

    public string DisplayPath(string filePath)
    {
        var normalized = PathText.Normalize(filePath);
        return ProjectDirectory.Length > 0 && normalized.StartsWith(ProjectDirectory, StringComparison.Ordinal) ? normalized.Substring(ProjectDirectory.Length) : normalized;
    }
}

/// <summary>Path text helpers that behave the same on Windows and Linux.</summary>
internal static class PathText
{
    public static string Normalize(string path) => path.Replace('\\', '/');

    public static string AsDirectory(string? path)
    {
        if (string.IsNullOrEmpty(path)) return string.Empty;
        var normalized = Normalize(path!);
        return normalized.EndsWith("/", StringComparison.Ordinal) ? normalized : normalized + "/";
    }
}
