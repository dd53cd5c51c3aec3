using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Manifest;

/// <summary>The method handlers a route file exports; null where the file exports none.</summary>
public sealed record RouteHandlerTable
{
    /// <summary>The <c>GET</c> handler.</summary>
    public RouteHandler? Get { get; init; }

    /// <summary>The <c>HEAD</c> handler; when null and <see cref="Get"/> is set, HEAD runs GET and drops the body.</summary>
    public RouteHandler? Head { get; init; }

    /// <summary>The <c>POST</c> handler.</summary>
    public RouteHandler? Post { get; init; }

    /// <summary>The <c>PUT</c> handler.</summary>
    public RouteHandler? Put { get; init; }

    /// <summary>The <c>PATCH</c> handler.</summary>
    public RouteHandler? Patch { get; init; }

    /// <summary>The <c>DELETE</c> handler.</summary>
    public RouteHandler? Delete { get; init; }

    /// <summary>The <c>OPTIONS</c> handler; when null, OPTIONS answers 204 with <c>Allow</c>.</summary>
    public RouteHandler? Options { get; init; }

    /// <summary>The handler exported for <paramref name="method"/> (one of the seven upper-case names), or null.</summary>
    /// <param name="method">An upper-case method name.</param>
    public RouteHandler? Find(string method) => method switch
    {
        HttpMethodNames.Get => Get,
        HttpMethodNames.Head => Head,
        HttpMethodNames.Post => Post,
        HttpMethodNames.Put => Put,
        HttpMethodNames.Patch => Patch,
        HttpMethodNames.Delete => Delete,
        HttpMethodNames.Options => Options,
        _ => null,
    };
}
