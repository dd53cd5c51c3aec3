namespace NextRouteHandlers.Routing;

/// <summary>The request methods a route handler can export; any other method (or lower-case name) is a 400.</summary>
public static class HttpMethodNames
{
    /// <summary>GET, HEAD, OPTIONS, POST, PUT, DELETE and PATCH.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"];

    /// <summary>True for one of the seven supported methods, compared case-sensitively as Next.js does.</summary>
    /// <param name="method">The request method as sent.</param>
    public static bool IsSupported(string method) => method is "GET" or "HEAD" or "OPTIONS" or "POST" or "PUT" or "DELETE" or "PATCH";
}
