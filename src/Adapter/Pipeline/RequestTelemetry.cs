using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// The span and the duration metric of one request, made only when something listens (otherwise
/// <see cref="Start"/> returns null and the request allocates nothing for telemetry). On dispose it reads what was
/// answered: the status, and the cache status from <c>x-nextjs-cache</c> (<c>bypass</c> for a route the cache does not serve).
/// </summary>
internal sealed class RequestTelemetry : IDisposable
{
    private readonly HttpContext _context;
    private readonly Activity? _activity;
    private readonly RouteHandlerMetrics? _metrics;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private string? _route;

    private RequestTelemetry(HttpContext context, Activity? activity, RouteHandlerMetrics? metrics)
    {
        _context = context;
        _activity = activity;
        _metrics = metrics;
    }

    /// <summary>Starts the telemetry of a request, or returns null when neither its span nor its metric is listened to.</summary>
    public static RequestTelemetry? Start(HttpContext context, RouteHandlerMetrics? metrics)
    {
        var activity = RouteHandlerActivities.StartRequest(context.Request.Method);
        var recording = metrics is { RequestsEnabled: true } ? metrics : null;
        return activity is null && recording is null ? null : new RequestTelemetry(context, activity, recording);
    }

    /// <summary>Records what the router decided: the route pattern (which names the span), or the router's own answer.</summary>
    public void Routed(in RouteDecision decision)
    {
        _route = decision.Route?.Pattern;
        if (_activity is null) return;
        if (_route is not null) RouteHandlerActivities.NameRequest(_activity, _route);
        _activity.SetTag(TelemetryTags.RouterDecision, DecisionName(decision.Kind));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var status = _context.Response.StatusCode;
        var cacheStatus = _route is null ? null : CacheStatusOf(_context.Response.Headers["x-nextjs-cache"].ToString());
        _metrics?.Request(Stopwatch.GetElapsedTime(_startedAt), _route, _context.Request.Method, status, cacheStatus);
        if (_activity is null) return;
        _activity.SetTag(TelemetryTags.HttpStatus, status);
        if (cacheStatus is not null) _activity.SetTag(TelemetryTags.CacheStatus, cacheStatus);
        if (status >= 500 && _activity.Status != ActivityStatusCode.Error) RouteHandlerActivities.Fail(_activity, RouteHandlerMetrics.StatusText(status));
        _activity.Dispose();
    }

    private static string CacheStatusOf(string header) => header switch
    {
        "HIT" => "HIT",
        "STALE" => "STALE",
        "MISS" => "MISS",
        "REVALIDATED" => "REVALIDATED",
        _ => "bypass",
    };

    private static string DecisionName(RouteDecisionKind kind) => kind switch
    {
        RouteDecisionKind.Redirect => "redirect",
        RouteDecisionKind.NotFound => "not-found",
        RouteDecisionKind.BadRequest => "bad-request",
        RouteDecisionKind.ProxyResponse => "proxy-response",
        RouteDecisionKind.ProxyFailed => "proxy-failed",
        RouteDecisionKind.Aborted => "aborted",
        _ => "route",
    };
}
