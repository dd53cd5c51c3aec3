using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// The library's <see cref="ActivitySource"/> and the spans it starts. Every start returns null when nothing listens
/// (or the sampler drops the span), and callers only build names and attributes for a span that exists, so a request
/// costs nothing when tracing is off. Span names are low-cardinality: route patterns, never paths.
/// </summary>
internal static class RouteHandlerActivities
{
    /// <summary>The operation name of the request span, by which the proxy and the router find it.</summary>
    public const string RequestOperation = "NextRouteHandlers.Request";

    /// <summary>The <c>next.span_type</c> of the request span (Next.js's root span), by which it is found when it is the server's.</summary>
    public const string RequestSpanType = "BaseServer.handleRequest";

    // Span names made once per route, not on every request: keyed by the manifest's pattern strings themselves (a
    // bounded set, the same instances on every request, so a reference hash is enough), one request name per method.
    private static readonly ConcurrentDictionary<string, string?[]> RequestNames = new(ReferenceEqualityComparer.Instance);
    private static readonly ConcurrentDictionary<string, string> HandlerNames = new(ReferenceEqualityComparer.Instance);

    public static readonly ActivitySource Source = new(RouteHandlerTelemetry.ActivitySourceName, typeof(RouteHandlerActivities).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// The span of one request. When the pipeline runs directly in ASP.NET Core's server span (a custom handler, a
    /// plain ASP.NET Core app) and that span is recorded, it is that span: Next.js's root span is its HTTP server's,
    /// so the server span takes its name and attributes instead of gaining a child that repeats it
    /// (<paramref name="owned"/> is false and the caller must not end it). Otherwise (under the isolated worker the
    /// function runs in the worker's invocation span; or nothing records ASP.NET Core's) a span of ours, a child of
    /// whatever is current. Named after the method until the route is known (<see cref="NameRequest"/>).
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="method">Its method as <see cref="HttpMethodTag.Of"/> gives it.</param>
    /// <param name="owned">True when the span is the library's own, which the caller ends.</param>
    /// <param name="tagsHttp">
    /// True when the caller sets the span's HTTP attributes (its method here, its status at the end): false on a server
    /// span that OpenTelemetry's ASP.NET Core instrumentation records, which sets both itself.
    /// </param>
    public static Activity? StartRequest(HttpContext context, string method, out bool owned, out bool tagsHttp)
    {
        owned = false;
        tagsHttp = false;
        if (!Source.HasListeners()) return null;
        if (Activity.Current is { IsAllDataRequested: true, Kind: ActivityKind.Server } server
            && ReferenceEquals((context.Features[typeof(IHttpActivityFeature)] as IHttpActivityFeature)?.Activity, server))
        {
            // ASP.NET Core records no attributes of its own; its OpenTelemetry instrumentation sets the method when the
            // request starts (so before this) and the status when it ends. Each attribute costs a span a little: set
            // them only where nothing else will.
            tagsHttp = server.GetTagItem(TelemetryTags.HttpMethod) is null;
            if (tagsHttp)
            {
                // Not ASP.NET Core's operation name until the route is known: the method, as the instrumentation names it.
                server.DisplayName = MethodName(method);
                server.AddTag(TelemetryTags.HttpMethod, method);
            }

            server.AddTag(TelemetryTags.NextSpanType, RequestSpanType);
            return server;
        }

        var activity = Source.StartActivity(RequestOperation, ActivityKind.Internal);
        if (activity is null) return null;
        owned = true;
        tagsHttp = true;
        activity.DisplayName = MethodName(method);
        activity.AddTag(TelemetryTags.HttpMethod, method);
        activity.AddTag(TelemetryTags.NextSpanType, RequestSpanType);
        return activity;
    }

    /// <summary>Names the request span <c>{method} {route}</c> once the route is known, as Next.js renames its root span. Called once per request.</summary>
    public static void NameRequest(Activity activity, string method, string route)
    {
        var names = RequestNames.GetOrAdd(route, static _ => new string?[HttpMethodTag.Count]);
        ref var name = ref names[HttpMethodTag.IndexOf(method)];
        activity.DisplayName = name ??= MethodName(method) + " " + route;
        // Once per request, before anything else sets a route (the instrumentation would only at the end, from an
        // endpoint): added, without searching the span's attributes for one to replace.
        activity.AddTag(TelemetryTags.HttpRoute, route);
        activity.AddTag(TelemetryTags.NextRoute, route);
    }

    /// <summary>Sets an attribute of the request span the current code runs in, if it is one of ours.</summary>
    public static void TagRequest(string name, object? value)
    {
        if (RequestOf(Activity.Current) is { } request) request.SetTag(name, value);
    }

    /// <summary>The request span <paramref name="activity"/> is, or is a direct child of.</summary>
    public static Activity? RequestOf(Activity? activity) =>
        activity is null ? null
        : IsRequest(activity) ? activity
        : activity.Parent is { } parent && IsRequest(parent) ? parent
        : null;

    /// <summary>The span of a handler run: Next.js's <c>executing api route (app) /blog/[slug]</c>.</summary>
    public static Activity? StartHandler(string route)
    {
        if (!Source.HasListeners()) return null;
        var activity = Source.StartActivity(HandlerNames.GetOrAdd(route, static r => "executing api route (app) " + r), ActivityKind.Internal);
        if (activity is null) return null;
        // The route and method are the request span's; the handler span names its own kind and route, as Next.js's does.
        activity.AddTag(TelemetryTags.NextRoute, route);
        activity.AddTag(TelemetryTags.NextSpanType, "AppRouteRouteHandlers.runHandler");
        return activity;
    }

    /// <summary>A span of the library's own work (the proxy, a store operation, a tag refresh, a regeneration, the prerender).</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) =>
        Source.HasListeners() ? Source.StartActivity(name, kind) : null;

    /// <summary>
    /// A span that starts a trace of its own, linked to the span that caused it (a background regeneration, linked to
    /// the request that found the entry stale). Call it first thing in work of its own (a <c>Task.Run</c>): it clears
    /// <see cref="Activity.Current"/>, which that work inherited from the request.
    /// </summary>
    public static Activity? StartLinked(string name, ActivityContext cause)
    {
        if (!Source.HasListeners()) return null;
        Activity.Current = null;
        ActivityLink[]? links = cause == default ? null : [new ActivityLink(cause)];
        return Source.StartActivity(name, ActivityKind.Internal, parentContext: default, links: links);
    }

    /// <summary>Marks a span failed with the exception's type and an exception event (message and stack trace, no request data).</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null) return;
        activity.SetStatus(ActivityStatusCode.Error);
        activity.SetTag(TelemetryTags.ErrorType, exception.GetType().FullName);
        activity.AddException(exception);
    }

    /// <summary>Marks a span failed for a reason that is not an exception (a status, a kind of failure).</summary>
    public static void Fail(Activity? activity, string errorType)
    {
        if (activity is null) return;
        activity.SetStatus(ActivityStatusCode.Error);
        activity.SetTag(TelemetryTags.ErrorType, errorType);
    }

    // The conventions' {method} part of a span name: HTTP for a method they do not know.
    private static string MethodName(string method) => method == HttpMethodTag.Other ? "HTTP" : method;

    private static bool IsRequest(Activity activity) =>
        (ReferenceEquals(activity.Source, Source) && string.Equals(activity.OperationName, RequestOperation, StringComparison.Ordinal))
        || (activity.Kind == ActivityKind.Server && activity.GetTagItem(TelemetryTags.NextSpanType) is RequestSpanType);
}
