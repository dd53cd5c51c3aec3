using System.Text.Encodings.Web;
using System.Text.Json;

namespace NextRouteHandlers.Http;

/// <summary>The JSON options of the reflection-based <c>Json</c> helpers.</summary>
public static class RouteJson
{
    /// <summary>
    /// Web defaults (camelCase properties, case-insensitive reading) with <c>JSON.stringify</c>'s escaping: non-ASCII
    /// text and quotes inside strings are written as they are, not as <c>\uXXXX</c>.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
