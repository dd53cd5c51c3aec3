using System.Text.Json;

namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>What the stand-in reads from the app's <c>host.json</c>.</summary>
internal static class HostJson
{
    /// <summary>
    /// <c>extensions.http.routePrefix</c>: the segment in front of every function route, <c>api</c> when not set, as the
    /// host has it.
    /// </summary>
    public static string RoutePrefix(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path)) throw new InvalidOperationException($"{appDirectory} has no host.json.");
        using var host = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (host.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix))
        {
            return (prefix.GetString() ?? string.Empty).Trim('/');
        }

        return "api";
    }
}
