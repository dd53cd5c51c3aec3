using System.Diagnostics.Metrics;

namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// The request and handler durations (meter <see cref="RouteHandlerTelemetry.MeterName"/>), by route pattern, method
/// and status. ASP.NET Core's <c>http.server.request.duration</c> sees one catch-all endpoint (the function's
/// <c>{*path}</c>), so its <c>http.route</c> cannot tell routes apart; these can.
/// </summary>
internal sealed class RouteHandlerMetrics : IDisposable
{
    // Buckets of the HTTP semantic conventions for durations in seconds.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Meter _meter;
    private readonly Histogram<double> _requests;
    private readonly Histogram<double> _handlers;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">The app's meter factory, or null for a private meter.</param>
    public RouteHandlerMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(RouteHandlerTelemetry.MeterName) ?? new Meter(RouteHandlerTelemetry.MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        _requests = _meter.CreateHistogram("nextroutehandlers.request.duration", unit: "s", description: "Duration of requests the pipeline answered, by route pattern, method, status and cache status.", advice: advice);
        _handlers = _meter.CreateHistogram("nextroutehandlers.handler.duration", unit: "s", description: "Duration of route handler runs, live and cached renders, by route pattern and method.", advice: advice);
    }

    /// <summary>Whether anything records request durations (otherwise the pipeline gathers nothing for them).</summary>
    public bool RequestsEnabled => _requests.Enabled;

    /// <summary>Whether anything records handler durations (otherwise a handler run is not timed).</summary>
    public bool HandlersEnabled => _handlers.Enabled;

    /// <summary>Records one request; <paramref name="method"/> as <see cref="HttpMethodTag.Of"/> gives it.</summary>
    public void Request(TimeSpan duration, string? route, string method, int status, string? cacheStatus)
    {
        var tags = new System.Diagnostics.TagList
        {
            { TelemetryTags.HttpMethod, method },
            { TelemetryTags.HttpStatus, StatusCodeTag.Of(status) },
        };
        if (route is not null) tags.Add(TelemetryTags.HttpRoute, route);
        if (cacheStatus is not null) tags.Add(TelemetryTags.CacheStatus, cacheStatus);
        if (status >= 500) tags.Add(TelemetryTags.ErrorType, StatusText(status));
        _requests.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Records one handler run; <paramref name="errorType"/> is set when it failed.</summary>
    public void Handler(TimeSpan duration, string route, string method, string? errorType)
    {
        if (!_handlers.Enabled) return;
        var tags = new System.Diagnostics.TagList
        {
            { TelemetryTags.HttpRoute, route },
            { TelemetryTags.HttpMethod, HttpMethodTag.Of(method) },
        };
        if (errorType is not null) tags.Add(TelemetryTags.ErrorType, errorType);
        _handlers.Record(duration.TotalSeconds, tags);
    }

    /// <summary>A status as the <c>error.type</c> of a failed response (the conventions use the status code).</summary>
    public static string StatusText(int status) => status switch
    {
        500 => "500",
        502 => "502",
        503 => "503",
        504 => "504",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
