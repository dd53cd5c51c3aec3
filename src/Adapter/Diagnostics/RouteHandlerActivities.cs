using System.Collections.Concurrent;
using System.Diagnostics;

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

    // Span names made once per route (a bounded set: the manifest's patterns and the methods), not on every request.
    private static readonly ConcurrentDictionary<(string Method, string Route), string> RequestNames = new();
    private static readonly ConcurrentDictionary<string, string> HandlerNames = new(StringComparer.Ordinal);

    public static readonly ActivitySource Source = new(RouteHandlerTelemetry.ActivitySourceName, typeof(RouteHandlerActivities).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// The span of one request, a child of the server's span (ASP.NET Core's, itself a child of the Functions host's).
    /// Named after the method until the route is known (<see cref="NameRequest"/>).
    /// </summary>
    public static Activity? StartRequest(string method)
    {
        if (!Source.HasListeners()) return null;
        var name = HttpMethodTag.Of(method);
        var activity = Source.StartActivity(RequestOperation, ActivityKind.Internal);
        if (activity is null) return null;
        activity.DisplayName = name == HttpMethodTag.Other ? "HTTP" : name;
        activity.SetTag(TelemetryTags.HttpMethod, name);
        activity.SetTag(TelemetryTags.NextSpanType, "BaseServer.handleRequest");
        return activity;
    }

    /// <summary>Names the request span <c>{method} {route}</c> once the route is known, as Next.js renames its root span.</summary>
    public static void NameRequest(Activity activity, string route)
    {
        var method = (string?)activity.GetTagItem(TelemetryTags.HttpMethod) ?? HttpMethodTag.Other;
        activity.DisplayName = RequestNames.GetOrAdd((method, route), static key => (key.Method == HttpMethodTag.Other ? "HTTP" : key.Method) + " " + key.Route);
        activity.SetTag(TelemetryTags.HttpRoute, route);
        activity.SetTag(TelemetryTags.NextRoute, route);
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
    public static Activity? StartHandler(string route, string method)
    {
        if (!Source.HasListeners()) return null;
        var activity = Source.StartActivity(HandlerNames.GetOrAdd(route, static r => "executing api route (app) " + r), ActivityKind.Internal);
        if (activity is null) return null;
        activity.SetTag(TelemetryTags.HttpRoute, route);
        activity.SetTag(TelemetryTags.NextRoute, route);
        activity.SetTag(TelemetryTags.HttpMethod, HttpMethodTag.Of(method));
        activity.SetTag(TelemetryTags.NextSpanType, "AppRouteRouteHandlers.runHandler");
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

    private static bool IsRequest(Activity activity) =>
        ReferenceEquals(activity.Source, Source) && string.Equals(activity.OperationName, RequestOperation, StringComparison.Ordinal);
}
