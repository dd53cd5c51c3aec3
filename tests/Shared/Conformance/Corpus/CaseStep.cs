using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// One step of a case, kept as the JSON the case file holds, because the profile and the overrides rewrite the
/// expectation as JSON: <c>request</c> (<c>method</c>, <c>path</c>, <c>headers</c>, <c>body</c> or
/// <c>bodyBase64</c>), <c>waitMsBefore</c>, and <c>expect</c> (<c>status</c>, <c>headers</c>, <c>body</c>, <c>stream</c>).
/// </summary>
/// <param name="Request">The request object.</param>
/// <param name="Expect">The expectation object.</param>
/// <param name="WaitMsBefore">How long to wait before sending the request.</param>
public sealed record CaseStep(JsonObject Request, JsonObject Expect, int WaitMsBefore)
{
    /// <summary>The same step with a copy of the request and <paramref name="expect"/> as its expectation.</summary>
    /// <param name="expect">The new expectation.</param>
    public CaseStep WithExpect(JsonObject expect) => new((JsonObject)Request.DeepClone(), expect, WaitMsBefore);

    /// <summary>The request's method (<c>GET</c> when the case names none).</summary>
    public string Method => JsonTree.AsString(Request["method"]) ?? "GET";

    /// <summary>The request's path as written, placeholders included (<c>/</c> when the case names none).</summary>
    public string Path => JsonTree.AsString(Request["path"]) ?? "/";

    /// <summary>The value of a request header the step sends (names compare case-insensitively), or <see langword="null"/>.</summary>
    /// <param name="name">The header name.</param>
    public string? SentHeader(string name)
    {
        if (Request["headers"] is not JsonObject headers) return null;
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return JsonTree.AsString(value) ?? value?.ToJsonString();
        }

        return null;
    }
}
