using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NextRouteHandlers.Http;

/// <summary>
/// What a route handler returns: status, headers and body, like the Fetch API's <c>Response</c>.
/// A string body gets <c>Content-Type: text/plain;charset=UTF-8</c> unless a content type is given, as in Next.js.
/// </summary>
public class Response
{
    /// <summary>The content type Fetch gives a string body.</summary>
    public const string TextContentType = "text/plain;charset=UTF-8";

    /// <summary>The content type of <see cref="Json{T}(T, ResponseInit?)"/>.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>Creates a response with a text body (or none).</summary>
    /// <param name="body">The body, sent as UTF-8; null for no body.</param>
    /// <param name="init">Status, status text and headers.</param>
    public Response(string? body = null, ResponseInit? init = null)
        : this(body is null ? null : ResponseBody.FromBytes(Encoding.UTF8.GetBytes(body)), init, body is null ? null : TextContentType)
    {
    }

    /// <summary>Creates a response with no body (<c>new Response(null, init)</c> in JavaScript), such as a 204 or a redirect.</summary>
    /// <param name="init">Status, status text and headers.</param>
    public Response(ResponseInit init)
        : this(null, init ?? throw new ArgumentNullException(nameof(init)), null)
    {
    }

    /// <summary>Creates a response with a binary body.</summary>
    /// <param name="body">The bytes; not copied.</param>
    /// <param name="init">Status, status text and headers.</param>
    public Response(byte[] body, ResponseInit? init = null)
        : this(ResponseBody.FromBytes(body ?? throw new ArgumentNullException(nameof(body))), init, null)
    {
    }

    /// <summary>Creates a response whose body is read from a stream while it is sent.</summary>
    /// <param name="body">A readable stream, disposed when sent.</param>
    /// <param name="init">Status, status text and headers.</param>
    public Response(Stream body, ResponseInit? init = null)
        : this(ResponseBody.FromStream(body ?? throw new ArgumentNullException(nameof(body))), init, null)
    {
    }

    /// <summary>Creates a streaming response of text chunks, each sent as UTF-8 and flushed as soon as it is produced.</summary>
    /// <param name="body">The chunks.</param>
    /// <param name="init">Status, status text and headers.</param>
    public Response(IAsyncEnumerable<string> body, ResponseInit? init = null)
        : this(ResponseBody.FromChunks(Utf8Chunks(body ?? throw new ArgumentNullException(nameof(body)))), init, null)
    {
    }

    /// <summary>Creates a streaming response of binary chunks, each flushed as soon as it is produced.</summary>
    /// <param name="body">The chunks.</param>
    /// <param name="init">Status, status text and headers.</param>
    public Response(IAsyncEnumerable<ReadOnlyMemory<byte>> body, ResponseInit? init = null)
        : this(ResponseBody.FromChunks(body ?? throw new ArgumentNullException(nameof(body))), init, null)
    {
    }

    /// <summary>Creates a response from a prepared body.</summary>
    /// <param name="body">The body, or null for none.</param>
    /// <param name="init">Status, status text and headers.</param>
    /// <param name="defaultContentType">The content type to set when <paramref name="init"/> gives none.</param>
    protected Response(ResponseBody? body, ResponseInit? init, string? defaultContentType)
    {
        var status = init?.Status ?? 200;
        if (status is < 200 or > 599) throw new ArgumentOutOfRangeException(nameof(init), status, "A response status must be in the range 200 to 599.");
        if (body is not null && status is 204 or 205 or 304) throw new ArgumentException($"A response with status {status} cannot have a body.", nameof(body));
        Status = status;
        StatusText = init?.StatusText;
        Headers = init is null ? new Headers() : new Headers(init.Headers);
        Body = body;
        if (defaultContentType is not null && !Headers.Has("content-type")) Headers.Set("content-type", defaultContentType);
    }

    /// <summary>The status code.</summary>
    public int Status { get; }

    /// <summary>The reason phrase to send, or null for the standard one.</summary>
    public string? StatusText { get; }

    /// <summary>True for a status from 200 to 299.</summary>
    public bool Ok => Status is >= 200 and <= 299;

    /// <summary>The response headers; mutable until the response is sent.</summary>
    public Headers Headers { get; }

    /// <summary>The body, or null for none.</summary>
    public ResponseBody? Body { get; }

    /// <summary>A JSON response (<c>Response.json</c>), serialised with the web defaults (camelCase properties).</summary>
    /// <typeparam name="T">The type of <paramref name="data"/>.</typeparam>
    /// <param name="data">The value to serialise.</param>
    /// <param name="init">Status, status text and headers; a content type given here wins over <c>application/json</c>.</param>
    [RequiresUnreferencedCode("Serialises through reflection. Use the overload taking a JsonTypeInfo for trimmed or Native AOT apps.")]
    [RequiresDynamicCode("Serialises through reflection. Use the overload taking a JsonTypeInfo for trimmed or Native AOT apps.")]
    public static Response Json<T>(T data, ResponseInit? init = null) =>
        new(ResponseBody.FromBytes(JsonSerializer.SerializeToUtf8Bytes(data, RouteJson.Options)), init, JsonContentType);

    /// <summary>A JSON response (<c>Response.json</c>) serialised with source-generated metadata; safe for trimming and Native AOT.</summary>
    /// <typeparam name="T">The type of <paramref name="data"/>.</typeparam>
    /// <param name="data">The value to serialise.</param>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    /// <param name="init">Status, status text and headers; a content type given here wins over <c>application/json</c>.</param>
    public static Response Json<T>(T data, JsonTypeInfo<T> typeInfo, ResponseInit? init = null) =>
        new(ResponseBody.FromBytes(JsonSerializer.SerializeToUtf8Bytes(data, typeInfo)), init, JsonContentType);

    /// <summary>A redirect (<c>Response.redirect</c>): status 307 by default, <c>Location</c> set to the absolute URL, no body.</summary>
    /// <param name="url">An absolute URL; a relative one throws, as in Next.js.</param>
    /// <param name="status">301, 302, 303, 307 or 308.</param>
    public static Response Redirect(string url, int status = 307) => new(null, RedirectInit(url, status, null), null);

    /// <summary>Builds the init of a redirect after checking the URL and status as Fetch does.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <param name="status">301, 302, 303, 307 or 308.</param>
    /// <param name="init">Further headers and status text to keep.</param>
    protected static ResponseInit RedirectInit(string url, int status, ResponseInit? init)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (status is not (301 or 302 or 303 or 307 or 308)) throw new ArgumentOutOfRangeException(nameof(status), status, "Failed to execute 'redirect': Invalid status code; use 301, 302, 303, 307 or 308.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.IsFile || url.StartsWith('/')) throw new ArgumentException($"Failed to parse URL from '{url}': a redirect needs an absolute URL.", nameof(url));
        var headers = init is null ? new Headers() : new Headers(init.Headers);
        headers.Set("location", parsed.AbsoluteUri);
        return new ResponseInit { Status = status, StatusText = init?.StatusText, Headers = headers };
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Utf8Chunks(IAsyncEnumerable<string> chunks, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Encoding.UTF8.GetBytes(chunk);
        }
    }
}
