using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// Copies a <see cref="Response"/> onto the ASP.NET Core response: status and reason phrase, headers (one line per
/// <c>Set-Cookie</c>, other repeated names joined by <c>", "</c>), then the body, streamed without buffering.
/// Framing headers a handler sets (<c>Content-Length</c>, <c>Transfer-Encoding</c>, <c>Connection</c>) are left to
/// Kestrel, as Next.js leaves them to Node. A header already on the outgoing response (put there by next.config
/// <c>headers()</c> or by the proxy) wins over the response's value of the same name, except <c>Set-Cookie</c>,
/// <c>Vary</c>, <c>WWW-Authenticate</c> and <c>Proxy-Authenticate</c>, whose values are added, as Next.js's
/// <c>sendResponse</c> does.
/// </summary>
public static class ResponseWriter
{
    private static readonly HashSet<string> ServerOwnedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "proxy-connection", "te", "trailer",
        NextResponse.MiddlewareNextHeader, NextResponse.MiddlewareRewriteHeader,
    };

    private static readonly HashSet<string> AddedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "set-cookie", "vary", "www-authenticate", "proxy-authenticate",
    };

    /// <summary>Writes status and headers, then the body unless <paramref name="omitBody"/>.</summary>
    /// <param name="context">The ASP.NET Core request.</param>
    /// <param name="response">What the handler returned.</param>
    /// <param name="omitBody">True for HEAD: headers only, the body is discarded.</param>
    /// <param name="compress">Whether gzip may be used (the <c>Compress</c> option); see <see cref="Compression"/>.</param>
    public static async Task WriteAsync(HttpContext context, Response response, bool omitBody, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        var httpResponse = context.Response;
        httpResponse.StatusCode = response.Status;
        if (response.StatusText is not null) context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = response.StatusText;
        CopyHeaders(response.Headers, httpResponse.Headers);

        var compressible = compress && Compression.IsCompressible(response);
        if (compressible) AppendVary(httpResponse.Headers, "Accept-Encoding");
        var body = response.Body;
        if (body is null) return;
        if (omitBody)
        {
            await body.DiscardAsync().ConfigureAwait(false);
            return;
        }

        if (compressible && Compression.AcceptsGzip(context.Request))
        {
            httpResponse.Headers.ContentEncoding = "gzip";
            var gzip = new GZipStream(httpResponse.Body, CompressionLevel.Fastest, leaveOpen: true);
            await using (gzip.ConfigureAwait(false))
            {
                await body.WriteToAsync(gzip, context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        if (body.Length is { } length) httpResponse.ContentLength = length;
        await body.WriteToAsync(httpResponse.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Sends a response with no body and no headers but <paramref name="headers"/>.</summary>
    /// <param name="context">The ASP.NET Core request.</param>
    /// <param name="status">The status code.</param>
    /// <param name="headers">Header pairs to send.</param>
    public static Task WriteEmptyAsync(HttpContext context, int status, params ReadOnlySpan<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        foreach (var header in headers) context.Response.Headers[header.Key] = header.Value;
        return Task.CompletedTask;
    }

    private static void AppendVary(IHeaderDictionary headers, string token)
    {
        var existing = headers.Vary.ToString();
        if (existing.Split(',').Any(t => t.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))) return;
        headers.Vary = existing.Length == 0 ? token : existing + ", " + token;
    }

    /// <summary>True for a header whose values from several sources are all sent (<c>Set-Cookie</c>, <c>Vary</c>, ...); for any other the first source wins.</summary>
    /// <param name="name">The header name.</param>
    internal static bool IsAddedHeader(string name) => AddedHeaders.Contains(name);

    /// <summary>True for a header the server frames or that only carries Next.js's internal signals; never copied from a response.</summary>
    /// <param name="name">The header name.</param>
    internal static bool IsServerOwnedHeader(string name) => ServerOwnedHeaders.Contains(name);

    private static void CopyHeaders(Headers source, IHeaderDictionary destination)
    {
        foreach (var group in source.RawEntries().GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            if (ServerOwnedHeaders.Contains(group.Key)) continue;
            var values = group.Key == "set-cookie"
                ? new StringValues(group.Select(e => e.Value).ToArray())
                : new StringValues(string.Join(", ", group.Select(e => e.Value)));
            if (!destination.TryGetValue(group.Key, out var existing) || existing.Count == 0)
            {
                destination[group.Key] = values;
            }
            else if (AddedHeaders.Contains(group.Key))
            {
                destination[group.Key] = StringValues.Concat(existing, values);
            }
        }
    }
}
