using NextRouteHandlers.Invocation;
using NextRouteHandlers.Http;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Testing;

/// <summary>Builds manifest entries by hand, the way the source generator's output would, for tests.</summary>
public static class Routes
{
    /// <summary>A route at <paramref name="pattern"/> with the given handlers and config.</summary>
    public static RouteDefinition Define(string pattern, RouteHandlerTable handlers, RouteSegmentConfig? config = null) =>
        new(pattern, pattern == "/" ? "/route" : pattern + "/route", "app" + (pattern == "/" ? string.Empty : pattern) + "/route.cs", handlers, config);

    /// <summary>A GET-only route answering with <paramref name="respond"/>.</summary>
    public static RouteDefinition Get(string pattern, Func<RouteInvocation, Response?> respond) =>
        Define(pattern, new RouteHandlerTable { Get = invocation => new ValueTask<Response?>(respond(invocation)) });

    /// <summary>A handler from a synchronous function.</summary>
    public static RouteHandler Handler(Func<RouteInvocation, Response?> respond) => invocation => new ValueTask<Response?>(respond(invocation));

    /// <summary>A proxy answering with <paramref name="respond"/> (null continues), for the paths of <paramref name="matchers"/> or, without any, for every request.</summary>
    public static ProxyDefinition Proxy(Func<ProxyInvocation, Response?> respond, params ProxyMatcher[] matchers) =>
        new("app/proxy.cs", invocation => new ValueTask<Response?>(respond(invocation)), matchers.Length == 0 ? null : matchers);

    /// <summary>A handler from an asynchronous function.</summary>
    public static RouteHandler HandlerAsync(Func<RouteInvocation, Task<Response?>> respond) => invocation => new ValueTask<Response?>(respond(invocation));
}
