namespace NextRouteHandlers.Http;

/// <summary>The fetch API's <c>RequestInit</c>, for building a <see cref="NextRequest"/> outside a server (a unit test of a handler).</summary>
public sealed class RequestInit
{
    /// <summary>The method; <c>GET</c> by default.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The request headers.</summary>
    public Headers? Headers { get; init; }

    /// <summary>The body as text (UTF-8), or null.</summary>
    public string? Body { get; init; }
}
