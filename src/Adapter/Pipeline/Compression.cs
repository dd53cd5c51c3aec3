using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// When to gzip a response, following what Next.js's <c>compress</c> option does: compressible content types
/// only, never <c>text/event-stream</c>, never a response marked <c>no-transform</c> or already encoded, and only
/// for clients that accept gzip. Streamed bodies stay streamed: each chunk is flushed through the compressor.
/// </summary>
internal static class Compression
{
    /// <summary>True when <paramref name="response"/>'s content type is worth compressing (so caches must vary on <c>Accept-Encoding</c>).</summary>
    /// <param name="response">The response.</param>
    public static bool IsCompressible(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return IsCompressible(response.Status, response.Body is not null, response.Headers.Has("content-encoding"), response.Headers.Get("cache-control"), response.Headers.Get("content-type"));
    }

    /// <summary>The same decision from the parts of a response (a cached entry has no <see cref="Response"/>).</summary>
    internal static bool IsCompressible(int status, bool hasBody, bool encoded, string? cacheControl, string? contentType)
    {
        if (!hasBody || status is 204 or 304 || encoded) return false;
        if (cacheControl is not null && cacheControl.Contains("no-transform", StringComparison.OrdinalIgnoreCase)) return false;
        if (contentType is null) return false;
        // The types Response.Json and a string body set, decided without parsing on every response.
        if (contentType is "application/json" or "text/plain;charset=UTF-8" or "text/plain; charset=utf-8") return true;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        var type = media.MediaType.Value!.ToLowerInvariant();
        if (type == "text/event-stream") return false;
        return type.StartsWith("text/", StringComparison.Ordinal)
            || type.EndsWith("+json", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal)
            || type is "application/json" or "application/xml" or "application/javascript" or "application/manifest+json" or "image/svg+xml" or "image/x-icon" or "application/x-www-form-urlencoded";
    }

    /// <summary>True when the client sent <c>Accept-Encoding</c> with gzip (or <c>*</c>) at a non-zero quality.</summary>
    /// <param name="request">The request.</param>
    public static bool AcceptsGzip(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var encodings)) return false;
        return encodings.Any(e => (e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || e.Value.Equals("*", StringComparison.Ordinal)) && (e.Quality ?? 1) > 0);
    }
}
