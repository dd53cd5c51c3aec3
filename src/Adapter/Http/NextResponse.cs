using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NextRouteHandlers.Http;

/// <summary>
/// Next.js's <c>NextResponse</c>: a <see cref="Response"/> with Next's helpers. <see cref="Next(ResponseInit?)"/> and
/// <see cref="Rewrite(string, ResponseInit?)"/> belong to <c>proxy.cs</c>; a route handler that returns them gets a 500, as in Next.js.
/// </summary>
public class NextResponse : Response
{
    /// <summary>The header Next.js uses to mark a <see cref="Next(ResponseInit?)"/> response.</summary>
    public const string MiddlewareNextHeader = "x-middleware-next";

    /// <summary>The header Next.js uses to carry a <see cref="Rewrite(string, ResponseInit?)"/> destination.</summary>
    public const string MiddlewareRewriteHeader = "x-middleware-rewrite";

    private ResponseCookies? _cookies;

    /// <summary>Creates a response with a text body (or none).</summary>
    /// <param name="body">The body, sent as UTF-8; null for no body.</param>
    /// <param name="init">Status, status text and headers.</param>
    public NextResponse(string? body = null, ResponseInit? init = null)
        : base(body, init)
    {
    }

    /// <summary>Creates a response with no body (<c>new NextResponse(null, init)</c> in JavaScript).</summary>
    /// <param name="init">Status, status text and headers.</param>
    public NextResponse(ResponseInit init)
        : base(init)
    {
    }

    /// <summary>Creates a response from a prepared body.</summary>
    /// <param name="body">The body, or null for none.</param>
    /// <param name="init">Status, status text and headers.</param>
    /// <param name="defaultContentType">The content type to set when <paramref name="init"/> gives none.</param>
    protected NextResponse(ResponseBody? body, ResponseInit? init, string? defaultContentType)
        : base(body, init, defaultContentType)
    {
    }

    /// <summary>The cookies this response sets (<c>response.cookies</c>); changes rewrite its <c>Set-Cookie</c> headers.</summary>
    public ResponseCookies Cookies => _cookies ??= new ResponseCookies(Headers);

    /// <summary><c>NextResponse.json</c>: a JSON response serialised with the web defaults (camelCase properties).</summary>
    /// <typeparam name="T">The type of <paramref name="data"/>.</typeparam>
    /// <param name="data">The value to serialise.</param>
    /// <param name="init">Status, status text and headers; a content type given here wins over <c>application/json</c>.</param>
    [RequiresUnreferencedCode("Serialises through reflection. Use the overload taking a JsonTypeInfo for trimmed or Native AOT apps.")]
    [RequiresDynamicCode("Serialises through reflection. Use the overload taking a JsonTypeInfo for trimmed or Native AOT apps.")]
    public static new NextResponse Json<T>(T data, ResponseInit? init = null) =>
        new(ResponseBody.FromBytes(JsonSerializer.SerializeToUtf8Bytes(data, RouteJson.Options)), init, JsonContentType);

    /// <summary><c>NextResponse.json</c> with source-generated metadata; safe for trimming and Native AOT.</summary>
    /// <typeparam name="T">The type of <paramref name="data"/>.</typeparam>
    /// <param name="data">The value to serialise.</param>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    /// <param name="init">Status, status text and headers; a content type given here wins over <c>application/json</c>.</param>
    public static new NextResponse Json<T>(T data, JsonTypeInfo<T> typeInfo, ResponseInit? init = null) =>
        new(ResponseBody.FromBytes(JsonSerializer.SerializeToUtf8Bytes(data, typeInfo)), init, JsonContentType);

    /// <summary><c>NextResponse.redirect</c>: 307 by default; only 301, 302, 303, 307 and 308 are accepted, and the URL must be absolute.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <param name="status">301, 302, 303, 307 or 308.</param>
    public static new NextResponse Redirect(string url, int status = 307) => new(null, RedirectInit(url, status, null), null);

    /// <summary><c>NextResponse.redirect(url, init)</c>: keeps the headers and status text of <paramref name="init"/>.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <param name="init">Status (default 307), status text and headers.</param>
    public static NextResponse Redirect(string url, ResponseInit init)
    {
        ArgumentNullException.ThrowIfNull(init);
        return new(null, RedirectInit(url, init.Status == 200 ? 307 : init.Status, init), null);
    }

    /// <summary>The request headers a <see cref="Next(NextRequestInit, ResponseInit?)"/> or <see cref="Rewrite(string, NextRequestInit, ResponseInit?)"/> response gives the route handler, or null to keep the client's.</summary>
    public Headers? RequestHeaders { get; private init; }

    /// <summary><c>NextResponse.next()</c>: in <c>proxy.cs</c>, continue to the route. Not valid as a route handler's result.</summary>
    /// <param name="init">Response headers (and cookies) to add to the final response; they win over the handler's.</param>
    public static NextResponse Next(ResponseInit? init = null)
    {
        var response = new NextResponse(null, init, null);
        response.Headers.Set(MiddlewareNextHeader, "1");
        return response;
    }

    /// <summary><c>NextResponse.next({ request: { headers } })</c>: in <c>proxy.cs</c>, continue to the route with other request headers.</summary>
    /// <param name="request">The headers the route handler sees instead of the client's.</param>
    /// <param name="init">Response headers (and cookies) to add to the final response.</param>
    public static NextResponse Next(NextRequestInit request, ResponseInit? init = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new NextResponse(null, init, null) { RequestHeaders = CopyOf(request.Headers) };
        response.Headers.Set(MiddlewareNextHeader, "1");
        return response;
    }

    /// <summary>
    /// <c>NextResponse.rewrite(url)</c>: in <c>proxy.cs</c>, serve another path of this app; the client's URL does not
    /// change. Not valid as a route handler's result.
    /// </summary>
    /// <param name="url">The destination: a path (<c>/api/b</c>) or an absolute URL of the same origin (<c>new Uri(new Uri(request.Url), "/api/b")</c>).</param>
    /// <param name="init">Response headers (and cookies) to add to the final response.</param>
    public static NextResponse Rewrite(string url, ResponseInit? init = null)
    {
        CheckRewriteUrl(url);
        var response = new NextResponse(null, init, null);
        response.Headers.Set(MiddlewareRewriteHeader, url);
        return response;
    }

    /// <summary><c>NextResponse.rewrite(url, { request: { headers } })</c>: a rewrite whose route handler sees other request headers.</summary>
    /// <param name="url">The destination: a path or an absolute URL of the same origin.</param>
    /// <param name="request">The headers the route handler sees instead of the client's.</param>
    /// <param name="init">Response headers (and cookies) to add to the final response.</param>
    public static NextResponse Rewrite(string url, NextRequestInit request, ResponseInit? init = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckRewriteUrl(url);
        var response = new NextResponse(null, init, null) { RequestHeaders = CopyOf(request.Headers) };
        response.Headers.Set(MiddlewareRewriteHeader, url);
        return response;
    }

    private static Headers? CopyOf(Headers? headers) => headers is null ? null : new Headers(headers);

    private static void CheckRewriteUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) return;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Failed to parse URL from '{url}': a rewrite needs a path starting with '/' or an absolute http(s) URL.", nameof(url));
        }
    }
}
