using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace NextRouteHandlers.Pipeline;

/// <summary>The path and query a request asked for, as the client sent them (still percent-encoded).</summary>
/// <param name="Path">The path, starting with <c>/</c>.</param>
/// <param name="Query">The query with its <c>?</c>, or empty.</param>
internal readonly record struct RequestTarget(string Path, string Query)
{
    /// <summary>
    /// Reads the request line's target, not ASP.NET Core's decoded <c>Request.Path</c>: routing decodes each segment
    /// itself, as Next.js does, so <c>%2F</c> stays inside one segment.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="behindFunctionsHost">Whether the request came through the Functions host's forwarder.</param>
    public static RequestTarget Of(HttpContext context, bool behindFunctionsHost)
    {
        var target = (context.Features[typeof(IHttpRequestFeature)] as IHttpRequestFeature)?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return new((context.Request.PathBase + context.Request.Path).ToUriComponent(), context.Request.QueryString.Value ?? string.Empty);
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[question..];

        // The Functions host's Kestrel keeps an encoded slash as the text "%2F" in Request.Path and its YARP
        // forwarder then escapes the '%', so a client's "%2F" arrives here as "%252F" (and a client's "%252F",
        // decoded by the host to the same text, does too). Restore the common meaning: an encoded slash.
        if (behindFunctionsHost && path.Contains("%252F", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Replace("%252F", "%2F", StringComparison.OrdinalIgnoreCase);
        }

        return new(path, query);
    }
}
