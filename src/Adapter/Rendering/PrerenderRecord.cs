using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Rendering;

/// <summary>
/// What a complete prerender of one build learnt, stored beside that build's entries: which cacheable routes turned
/// out dynamic (and why) and which paths each <c>GenerateStaticParams</c> listed. An instance that finds it at startup
/// restores the route state from it and skips the prerender (one store read instead of one per path); the entries
/// themselves are read when first requested, so that first request is still a HIT. Like <c>next build</c>'s
/// prerender manifest, it belongs to one build: it lives under the build id's key, and records a fingerprint of the
/// cacheable routes, so a record made by other code (a pinned <c>Cache:BuildId</c>) is not used.
/// </summary>
internal static class PrerenderRecord
{
    private const int Version = 1;

    /// <summary>The record's cache key: the build id and a name no pathname can have (pathnames start with <c>/</c>).</summary>
    /// <param name="buildId">The build id.</param>
    public static string KeyFor(string buildId) => buildId + ":prerender-record";

    /// <summary>The record of a prerender that has just completed, as a cache entry.</summary>
    /// <param name="manifest">The app's routes.</param>
    /// <param name="state">The route state the prerender left.</param>
    /// <param name="now">The time of the record.</param>
    public static CacheEntry Create(RouteManifest manifest, RouteCacheState state, DateTimeOffset now)
    {
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("fingerprint", Fingerprint(manifest));
            json.WriteStartArray("routes");
            foreach (var route in manifest.Routes.Where(CachePolicy.IsCacheable))
            {
                json.WriteStartObject();
                json.WriteString("pattern", route.Pattern);
                if (state.DynamicReason(route) is { } reason) json.WriteString("dynamic", reason);
                if (state.StaticPaths(route) is { } paths)
                {
                    json.WriteStartArray("staticPaths");
                    foreach (var path in paths.Order(StringComparer.Ordinal)) json.WriteStringValue(path);
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new CacheEntry { Status = 200, Headers = [], Body = body.ToArray(), LastModified = now };
    }

    /// <summary>
    /// Restores the route state from a stored record; false (and nothing changed) when the record is of another
    /// version or other routes.
    /// </summary>
    /// <param name="entry">The stored record.</param>
    /// <param name="manifest">The app's routes.</param>
    /// <param name="state">The route state to fill.</param>
    /// <exception cref="FormatException">The record is not one this code wrote.</exception>
    public static bool TryRestore(CacheEntry entry, RouteManifest manifest, RouteCacheState state)
    {
        var restored = Read(entry.Body, manifest);
        if (restored is null) return false;
        foreach (var (route, reason, paths) in restored)
        {
            if (paths is not null) state.SetStaticPaths(route, paths);
            if (reason is not null) state.MarkDynamic(route, reason);
        }

        return true;
    }

    private static List<(RouteDefinition Route, string? Reason, string[]? Paths)>? Read(byte[] body, RouteManifest manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != Version) return null;
            if (root.GetProperty("fingerprint").GetString() != Fingerprint(manifest)) return null;
            var routes = manifest.Routes.Where(CachePolicy.IsCacheable).ToDictionary(r => r.Pattern, StringComparer.Ordinal);
            var restored = new List<(RouteDefinition, string?, string[]?)>();
            foreach (var item in root.GetProperty("routes").EnumerateArray())
            {
                var pattern = item.GetProperty("pattern").GetString() ?? throw new FormatException("A route without a pattern.");
                if (!routes.TryGetValue(pattern, out var route)) return null;
                var reason = item.TryGetProperty("dynamic", out var dynamic) ? dynamic.GetString() : null;
                var paths = item.TryGetProperty("staticPaths", out var list) ? list.EnumerateArray().Select(p => p.GetString() ?? throw new FormatException("A null path.")).ToArray() : null;
                restored.Add((route, reason, paths));
            }

            return restored;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("The stored prerender record is not valid: " + exception.Message, exception);
        }
    }

    // The cacheable routes and everything about them that decides what a prerender does.
    private static string Fingerprint(RouteManifest manifest)
    {
        var text = new StringBuilder();
        foreach (var route in manifest.Routes.Where(CachePolicy.IsCacheable).OrderBy(r => r.Pattern, StringComparer.Ordinal))
        {
            var config = route.Config;
            text.Append(route.Pattern).Append('|').Append(route.SourceFile).Append('|').Append(config.Dynamic.ToString())
                .Append('|').Append(config.Revalidate.IsSet ? config.Revalidate.Seconds?.ToString(CultureInfo.InvariantCulture) ?? "never" : "unset")
                .Append('|').Append(config.DynamicParams ? '1' : '0').Append('|').Append(config.GenerateStaticParams is null ? '0' : '1').Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
