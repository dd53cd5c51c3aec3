using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NextRouteHandlers.Http;

/// <summary>
/// Next.js's <c>NextResponse</c>: a <see cref="Response"/> with Next's helpers. <see cref="Next"/> and
/// <see cref="Rewrite"/> belong to <c>proxy.cs</c>; a route handler that returns them gets a 500, as in Next.js.
/// </summary>
public class NextResponse : Response
{
    /// <summary>The header Next.js uses to mark a <see cref="Next"/> response.</summary>
    public const string MiddlewareNextHeader = "x-middleware-next";

    /// <summary>The header Next.js uses to carry a <see cref="Rewrite"/> destination.</summary>
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

    /// <summary><c>NextResponse.next()</c>: in <c>proxy.cs</c>, continue to the route. Not valid as a route handler's result.</summary>
    /// <param name="init">Response headers to add to the final response.</param>
    public static NextResponse Next(ResponseInit? init = null)
    {
        var response = new NextResponse(null, init, null);
        response.Headers.Set(MiddlewareNextHeader, "1");
        return response;
    }

    /// <summary><c>NextResponse.rewrite(url)</c>: in <c>proxy.cs</c>, serve another path. Not valid as a route handler's result.</summary>
    /// <param name="url">The destination URL.</param>
    /// <param name="init">Response headers to add to the final response.</param>
    public static NextResponse Rewrite(string url, ResponseInit? init = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var response = new NextResponse(null, init, null);
        response.Headers.Set(MiddlewareRewriteHeader, url);
        return response;
    }
}
