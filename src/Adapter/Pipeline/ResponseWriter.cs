using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using NextRouteHandlers.Caching;
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
internal static class ResponseWriter
{
    private const string ImplicitCacheTagsHeader = "x-next-cache-tags";

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
        CopyHeaders(response.Headers.RawList ?? response.Headers.RawEntries().ToList(), httpResponse.Headers, skip: null);

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
            await WriteGzipAsync(context, body).ConfigureAwait(false);
            return;
        }

        if (body.Length is { } length) httpResponse.ContentLength = length;
        await body.WriteToAsync(httpResponse.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a cached entry as <see cref="WriteAsync"/> would send it as a <see cref="Response"/> with its headers plus
    /// <c>x-nextjs-cache</c> and (unless it has one) the cache's <c>Cache-Control</c>, minus <c>x-next-cache-tags</c>;
    /// without building that response, because this is every cache hit.
    /// </summary>
    /// <param name="context">The ASP.NET Core request.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="status">How the cache found it.</param>
    /// <param name="omitBody">True for HEAD.</param>
    /// <param name="compress">Whether gzip may be used.</param>
    internal static Task WriteCachedAsync(HttpContext context, CacheEntry entry, CacheStatus status, bool omitBody, bool compress)
    {
        var httpResponse = context.Response;
        var headers = httpResponse.Headers;
        var wire = CachedEntryWire.Of(entry);
        httpResponse.StatusCode = entry.Status;
        CopyHeaders(entry.Headers, headers, skip: ImplicitCacheTagsHeader);
        if (!headers.ContainsKey("x-nextjs-cache")) headers["x-nextjs-cache"] = CacheStatusHeader.Value(status);
        if (wire.CacheControl is { } cacheControl && !headers.ContainsKey("cache-control")) headers.CacheControl = cacheControl;

        var compressible = compress && wire.Compressible;
        if (compressible) AppendVary(headers, "Accept-Encoding");
        if (entry.Body.Length == 0 || omitBody) return Task.CompletedTask;
        if (compressible && Compression.AcceptsGzip(context.Request)) return WriteGzipAsync(context, ResponseBody.FromBytes(entry.Body));
        httpResponse.ContentLength = entry.Body.Length;
        return httpResponse.Body.WriteAsync(entry.Body, context.RequestAborted).AsTask();
    }

    private static async Task WriteGzipAsync(HttpContext context, ResponseBody body)
    {
        context.Response.Headers.ContentEncoding = "gzip";
        var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            await body.WriteToAsync(gzip, context.RequestAborted).ConfigureAwait(false);
        }
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
        var vary = headers.Vary;
        if (StringValues.IsNullOrEmpty(vary))
        {
            // The usual case, on every compressible response: nothing to merge with.
            headers.Vary = token;
            return;
        }

        var existing = vary.ToString();
        foreach (var part in existing.Split(','))
        {
            if (part.Trim().Equals(token, StringComparison.OrdinalIgnoreCase)) return;
        }

        headers.Vary = existing + ", " + token;
    }

    /// <summary>
    /// Copies header entries (lower-case names, one entry per value) onto the outgoing headers: the values of one name
    /// joined (one line each for <c>Set-Cookie</c>), in the order names first appear. A loop over the list rather than
    /// a grouping: a response has a handful of headers and this runs for every one of them.
    /// </summary>
    private static void CopyHeaders(IReadOnlyList<KeyValuePair<string, string>> entries, IHeaderDictionary destination, string? skip)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var name = entries[i].Key;
            if (name == skip || HeaderRules.IsServerOwned(name) || AppearsBefore(entries, i, name)) continue;
            var values = ValuesFrom(entries, i, name);
            if (!destination.TryGetValue(name, out var existing) || existing.Count == 0)
            {
                destination[name] = values;
            }
            else if (HeaderRules.AddsUp(name))
            {
                destination[name] = StringValues.Concat(existing, values);
            }
        }
    }

    private static bool AppearsBefore(IReadOnlyList<KeyValuePair<string, string>> entries, int index, string name)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(entries[j].Key, name, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>The values of <paramref name="name"/> from its first entry at <paramref name="first"/> on.</summary>
    private static StringValues ValuesFrom(IReadOnlyList<KeyValuePair<string, string>> entries, int first, string name)
    {
        var count = 1;
        for (var j = first + 1; j < entries.Count; j++)
        {
            if (string.Equals(entries[j].Key, name, StringComparison.Ordinal)) count++;
        }

        if (count == 1) return entries[first].Value;
        var values = new string[count];
        for (int j = first, k = 0; k < count; j++)
        {
            if (string.Equals(entries[j].Key, name, StringComparison.Ordinal)) values[k++] = entries[j].Value;
        }

        return name == "set-cookie" ? new StringValues(values) : new StringValues(string.Join(", ", values));
    }
}
