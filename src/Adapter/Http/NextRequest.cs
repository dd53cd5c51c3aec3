using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace NextRouteHandlers.Http;

/// <summary>
/// Next.js's <c>NextRequest</c>: what a route handler receives. URL parts, read-only headers, parsed cookies, a
/// body that can be read once, and <see cref="Signal"/>, cancelled when the client disconnects.
/// </summary>
public sealed class NextRequest
{
    private readonly HttpContext _httpContext;
    private readonly Action<string>? _onDynamicAccess;
    private Headers? _headers;
    private RequestCookies? _cookies;
    private bool _bodyUsed;

    /// <summary>
    /// Creates a request the way <c>new NextRequest(url, init)</c> does in Next.js, outside a server: to call a handler
    /// from a unit test, say. Inside the app the pipeline makes the request a handler gets.
    /// </summary>
    /// <param name="url">An absolute URL, e.g. <c>https://example.com/api/items/42?q=1</c>.</param>
    /// <param name="init">Method, headers and body.</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL.</exception>
    public NextRequest(string url, RequestInit? init = null)
        : this(Detached(url, init ?? new RequestInit(), out var nextUrl), nextUrl)
    {
    }

    /// <summary>Creates the request a handler sees.</summary>
    /// <param name="httpContext">The ASP.NET Core request.</param>
    /// <param name="nextUrl">The public URL of the request.</param>
    /// <param name="stripped">True for the emptied request of a <c>force-static</c> route: no headers, cookies or query.</param>
    /// <param name="onDynamicAccess">
    /// Called with what is read (<c>request.headers</c>, ...) when the handler reads request data; set while rendering
    /// a cached route, where reading request data is an error (it throws).
    /// </param>
    internal NextRequest(HttpContext httpContext, NextUrl nextUrl, bool stripped = false, Action<string>? onDynamicAccess = null)
    {
        _httpContext = httpContext ?? throw new ArgumentNullException(nameof(httpContext));
        NextUrl = nextUrl ?? throw new ArgumentNullException(nameof(nextUrl));
        IsStripped = stripped;
        _onDynamicAccess = onDynamicAccess;
        if (stripped)
        {
            _headers = Headers.EmptyReadOnly();
            _cookies = RequestCookies.Empty;
        }
    }

    /// <summary>The method as the client sent it (<c>HEAD</c> when an automatic HEAD runs the GET handler).</summary>
    public string Method => _httpContext.Request.Method;

    /// <summary>The public URL the client asked for (<c>request.url</c>).</summary>
    public string Url
    {
        get
        {
            Track("request.url");
            return NextUrl.Href;
        }
    }

    /// <summary>The URL split into parts (<c>request.nextUrl</c>).</summary>
    public NextUrl NextUrl { get; }

    /// <summary>The request headers, read-only.</summary>
    public Headers Headers
    {
        get
        {
            Track("request.headers");
            return _headers ??= Headers.ReadOnlyView(_httpContext.Request.Headers);
        }
    }

    /// <summary>The cookies of the <c>Cookie</c> header.</summary>
    public RequestCookies Cookies
    {
        get
        {
            Track("request.cookies");
            return _cookies ??= new RequestCookies(_httpContext.Request.Headers.Cookie.ToString());
        }
    }

    /// <summary>Cancelled when the client disconnects before the response has finished; never after a normal completion.</summary>
    public CancellationToken Signal => _httpContext.RequestAborted;

    /// <summary>True for the emptied request a <c>force-static</c> handler sees.</summary>
    public bool IsStripped { get; }

    /// <summary>The raw body stream, or null for GET and HEAD (even when the client sent a body), as in Next.js.</summary>
    public Stream? Body => HasBody ? _httpContext.Request.Body : null;

    /// <summary>True once a body reader has run.</summary>
    public bool BodyUsed => _bodyUsed;

    /// <summary>The ASP.NET Core request, for what this type does not cover (client certificates, connection info, features).</summary>
    public HttpContext HttpContext => _httpContext;

    private bool HasBody => !HttpMethods.IsGet(Method) && !HttpMethods.IsHead(Method);

    /// <summary>Reads the body as UTF-8 text (<c>request.text()</c>); an empty string when there is none.</summary>
    public async Task<string> Text()
    {
        var bytes = await ArrayBuffer().ConfigureAwait(false);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads the body as bytes (<c>request.arrayBuffer()</c>); empty when there is none.</summary>
    public async Task<byte[]> ArrayBuffer()
    {
        MarkUsed();
        if (!HasBody) return [];
        using var buffer = new MemoryStream();
        await _httpContext.Request.Body.CopyToAsync(buffer, Signal).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Reads the body as JSON (<c>request.json()</c>) with the web defaults; invalid JSON throws <see cref="JsonException"/>.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    [RequiresUnreferencedCode("Deserialises through reflection. Use the overload taking a JsonTypeInfo for trimmed or Native AOT apps.")]
    [RequiresDynamicCode("Deserialises through reflection. Use the overload taking a JsonTypeInfo for trimmed or Native AOT apps.")]
    public async Task<T?> Json<T>()
    {
        var bytes = await ArrayBuffer().ConfigureAwait(false);
        return JsonSerializer.Deserialize<T>(bytes, RouteJson.Options);
    }

    /// <summary>Reads the body as JSON with source-generated metadata; safe for trimming and Native AOT.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    public async Task<T?> Json<T>(JsonTypeInfo<T> typeInfo)
    {
        var bytes = await ArrayBuffer().ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, typeInfo);
    }

    /// <summary>Reads the body as a JSON document of any shape; invalid JSON throws <see cref="JsonException"/>.</summary>
    public async Task<JsonElement> Json()
    {
        var bytes = await ArrayBuffer().ConfigureAwait(false);
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Reads an <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> body (<c>request.formData()</c>).
    /// Another content type, or a malformed body, throws <see cref="FormDataException"/> (a 500 unless caught).
    /// </summary>
    public async Task<FormData> FormData()
    {
        MarkUsed();
        if (!HasBody) throw new FormDataException("A GET or HEAD request has no body to read as FormData.");
        return await FormDataParser.ParseAsync(_httpContext.Request.ContentType, _httpContext.Request.Body, Signal).ConfigureAwait(false);
    }

    /// <summary>Reports a read of request data while a cached route renders (see the constructor).</summary>
    /// <param name="usage">What is read.</param>
    internal void Track(string usage) => _onDynamicAccess?.Invoke(usage);

    private void MarkUsed()
    {
        Track("request.body");
        if (_bodyUsed) throw new BodyAlreadyReadException();
        _bodyUsed = true;
    }

    private static HttpContext Detached(string url, RequestInit init, out NextUrl nextUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http or https URL.", nameof(url));
        }

        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = init.Method;
        request.Scheme = uri.Scheme;
        request.Host = new HostString(uri.Authority);
        request.Path = PathString.FromUriComponent(uri.AbsolutePath);
        request.QueryString = new QueryString(uri.Query);
        foreach (var (name, value) in init.Headers?.RawEntries() ?? []) request.Headers.Append(name, value);
        if (init.Body is { } body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            request.Body = new MemoryStream(bytes, writable: false);
            request.ContentLength = bytes.Length;
        }

        nextUrl = new NextUrl(uri.Scheme + ":", uri.IsDefaultPort ? uri.Host : uri.Authority, uri.AbsolutePath, new UrlSearchParams(uri.Query));
        return context;
    }
}
