using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NextE2eApp.Fixture;

/// <summary>
/// Port of the fixture's helpers.ts: request metadata travels as compact JSON in an <c>x-request-meta</c> header (or
/// base64 in an <c>x-request-meta</c> cookie), and handlers answer with it in an <c>x-request-meta</c> response header.
/// </summary>
public static class RequestMeta
{
    /// <summary>The header and cookie name.</summary>
    public const string Key = "x-request-meta";

    /// <summary>Response headers carrying <paramref name="meta"/> as compact JSON (<c>withRequestMeta</c>).</summary>
    public static Headers Header(object? meta) => new() { { Key, JsonSerializer.Serialize(meta, RouteJson.Options) } };

    /// <summary>The metadata a request sent in its header (<c>getRequestMeta(headers)</c>); an empty object when there is none.</summary>
    public static JsonNode From(Headers headers) =>
        headers.Get(Key) is { Length: > 0 } json ? JsonNode.Parse(json) ?? new JsonObject() : new JsonObject();

    /// <summary>The metadata a request sent in its base64 cookie (<c>getRequestMeta(cookies)</c>); an empty object when there is none.</summary>
    public static JsonNode FromCookie(string? value) =>
        value is { Length: > 0 } ? JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value))) ?? new JsonObject() : new JsonObject();
}
