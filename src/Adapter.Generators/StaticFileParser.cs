using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators;

/// <summary>
/// The static metadata files of the app (<c>robots.txt</c>, <c>icon.png</c>, ...). The generator never reads their
/// bytes: the compiler reports a binary file read as text as error CS2015, so the build (<c>RouteHandlers.targets</c>)
/// embeds each candidate file as a manifest resource and lists the candidates' paths in one MSBuild property; this
/// class reads that list, and <see cref="AppFiles"/> decides which of them Next.js would serve.
/// </summary>
internal static class StaticFileParser
{
    /// <summary>
    /// The analyzer option holding the paths, relative to the app folder with <c>/</c> separators, joined by
    /// <c>|</c>; <c>%</c>, <c>;</c> and <c>#</c> in a path are written <c>%25</c>, <c>%3B</c> and <c>%23</c>,
    /// because an analyzer config value ends at <c>;</c> or <c>#</c>.
    /// </summary>
    public const string ListOption = "build_property.RouteHandlersMetadataFiles";

    /// <summary>What precedes a file's path (relative to the app folder) in its manifest resource name.</summary>
    public const string ResourcePrefix = "NextRouteHandlers/app/";

    /// <summary>The listed paths, relative to the app folder, in the order given.</summary>
    public static ImmutableArray<string> Listed(AnalyzerConfigOptions global)
    {
        if (!global.TryGetValue(ListOption, out var value) || string.IsNullOrWhiteSpace(value)) return [];
        return [.. value.Split('|').Select(p => Decode(p.Trim())).Where(p => p.Length > 0)];
    }

    /// <summary>Writes <paramref name="relativePaths"/> as the build writes them; for tests.</summary>
    public static string Encode(IEnumerable<string> relativePaths) =>
        string.Join("|", relativePaths.Select(p => p.Replace("%", "%25").Replace(";", "%3B").Replace("#", "%23")));

    /// <summary>
    /// The route model of a file Next.js serves: a GET handler sending the embedded bytes, at the file's own name.
    /// </summary>
    /// <param name="filePath">The file's full path.</param>
    /// <param name="relativePath">Its path relative to the app folder.</param>
    /// <param name="convention">The convention its name follows.</param>
    public static RouteFileModel Model(string filePath, string relativePath, StaticFileConvention convention)
    {
        var fileName = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
        var metadata = new MetadataRouteModel(fileName, string.Empty, convention.ContentType(fileName), ResourcePrefix + relativePath);
        var get = new HandlerModel("GET", string.Empty, ReturnShape.Sync, EquatableArray<ArgumentModel>.Empty);
        return new RouteFileModel(filePath, string.Empty, LocationInfo.AtFile(filePath), EquatableArray.From([get]), ConfigModel.Empty, EquatableArray<DiagnosticInfo>.Empty, metadata);
    }

    private static string Decode(string path)
    {
        if (path.IndexOf('%') < 0) return path;
        var text = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var escaped = path[i] == '%' && i + 2 < path.Length ? path.Substring(i + 1, 2) switch { "25" => '%', "3B" => ';', "23" => '#', _ => '\0' } : '\0';
            if (escaped == '\0')
            {
                text.Append(path[i]);
                continue;
            }

            text.Append(escaped);
            i += 2;
        }

        return text.ToString();
    }
}
