using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// The span and the duration metric of one request, made only when something listens (otherwise
/// <see cref="Start"/> returns null and the request allocates nothing for telemetry). The span is ASP.NET Core's
/// server span when the pipeline runs directly in it, or one of ours (see <see cref="RouteHandlerActivities.StartRequest"/>).
/// On dispose it reads what was answered: the status, and the cache status from <c>x-nextjs-cache</c> (<c>bypass</c>
/// for a route the cache does not serve), and ends the span if it is ours.
/// </summary>
internal sealed class RequestTelemetry : IDisposable
{
    private readonly HttpContext _context;
    private readonly Activity? _activity;
    private readonly RouteHandlerMetrics? _metrics;
    private readonly bool _ownsActivity;
    private readonly bool _tagsHttp;
    private readonly string _method;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private string? _route;

    private RequestTelemetry(HttpContext context, string method, Activity? activity, bool ownsActivity, bool tagsHttp, RouteHandlerMetrics? metrics)
    {
        _tagsHttp = tagsHttp;
        _context = context;
        _method = method;
        _activity = activity;
        _ownsActivity = ownsActivity;
        _metrics = metrics;
    }

    /// <summary>Starts the telemetry of a request, or returns null when neither its span nor its metric is listened to.</summary>
    public static RequestTelemetry? Start(HttpContext context, RouteHandlerMetrics? metrics)
    {
        var recording = metrics is { RequestsEnabled: true } ? metrics : null;
        if (recording is null && !RouteHandlerActivities.Source.HasListeners()) return null;
        var method = HttpMethodTag.Of(context.Request.Method);
        var activity = RouteHandlerActivities.StartRequest(context, method, out var owned, out var tagsHttp);
        return activity is null && recording is null ? null : new RequestTelemetry(context, method, activity, owned, tagsHttp, recording);
    }

    /// <summary>Records what the router decided: the route pattern (which names the span), or the router's own answer.</summary>
    public void Routed(in RouteDecision decision)
    {
        _route = decision.Route?.Pattern;
        if (_activity is null) return;
        if (_route is not null) RouteHandlerActivities.NameRequest(_activity, _method, _route);
        // A route's answer is the common case, which http.route already says: the decision is recorded when it is another.
        if (decision.Kind != RouteDecisionKind.Route) _activity.AddTag(TelemetryTags.RouterDecision, DecisionName(decision.Kind));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var status = _context.Response.StatusCode;
        var cacheStatus = _route is null ? null : CacheStatusOf(_context.Response.Headers["x-nextjs-cache"].ToString());
        _metrics?.Request(Stopwatch.GetElapsedTime(_startedAt), _route, _method, status, cacheStatus);
        if (_activity is null) return;
        if (cacheStatus is not null) _activity.AddTag(TelemetryTags.CacheStatus, cacheStatus);
        if (_tagsHttp) _activity.AddTag(TelemetryTags.HttpStatus, StatusCodeTag.Of(status));
        if (status >= 500 && _activity.Status != ActivityStatusCode.Error) RouteHandlerActivities.Fail(_activity, RouteHandlerMetrics.StatusText(status));
        if (_ownsActivity) _activity.Dispose();
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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A route's decision is not recorded."),
    };
}
