using System.Diagnostics;
using System.Diagnostics.Metrics;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Caching;

/// <summary>
/// The response cache's meters (<c>System.Diagnostics.Metrics</c>, meter <c>NextRouteHandlers.Cache</c>): what
/// dotnet-counters, OpenTelemetry or Application Insights collect. Names and units follow the OpenTelemetry
/// conventions (durations in seconds); docs/observability.md lists them with their attributes.
/// </summary>
public sealed class CacheMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = RouteHandlerTelemetry.CacheMeterName;

    // Buckets for store and render durations: stores answer in milliseconds, renders in up to seconds.
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // One tag per result, made once: a lookup happens on every cached request and must not allocate.
    private static readonly KeyValuePair<string, object?>[] LookupResults =
        Enum.GetValues<CacheStatus>().Select(s => new KeyValuePair<string, object?>(TelemetryTags.CacheResult, s.ToString().ToLowerInvariant())).ToArray();

    private readonly Meter _meter;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _regenerations;
    private readonly Histogram<double> _regenerationDuration;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _storeLatency;
    private readonly Histogram<double> _tagLag;

    /// <summary>Creates the meters.</summary>
    /// <param name="meterFactory">The app's meter factory, or null for a private meter.</param>
    public CacheMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        _lookups = _meter.CreateCounter<long>("nextroutehandlers.cache.lookups", unit: "{lookup}", description: "Cached-route requests by result (hit, stale, miss, revalidated) and route pattern.");
        _regenerations = _meter.CreateCounter<long>("nextroutehandlers.cache.regenerations", unit: "{regeneration}", description: "Renders of cached routes, by trigger (miss, background, on-demand, prerender); error.type is set on failed ones.");
        _regenerationDuration = _meter.CreateHistogram("nextroutehandlers.cache.regeneration.duration", unit: "s", description: "Duration of renders of cached routes, by trigger.", advice: advice);
        _failures = _meter.CreateCounter<long>("nextroutehandlers.cache.failures", unit: "{failure}", description: "Failed renders, locks and store operations, by kind.");
        _storeLatency = _meter.CreateHistogram("nextroutehandlers.cache.store.duration", unit: "s", description: "Duration of shared store operations, by operation and store kind; error.type is set on failed ones.", advice: advice);
        _tagLag = _meter.CreateHistogram<double>("nextroutehandlers.cache.tag_refresh.lag", unit: "s", description: "Time from an invalidation made on another instance to this instance seeing it.");
    }

    internal void Lookup(CacheStatus status, string? route)
    {
        if (route is null) _lookups.Add(1, LookupResults[(int)status]);
        else _lookups.Add(1, LookupResults[(int)status], new KeyValuePair<string, object?>(TelemetryTags.HttpRoute, route));
    }

    internal void Regenerated(string trigger, TimeSpan duration, string? errorType)
    {
        var tags = new TagList { { TelemetryTags.RegenerationTrigger, trigger } };
        if (errorType is not null) tags.Add(TelemetryTags.ErrorType, errorType);
        _regenerations.Add(1, tags);
        _regenerationDuration.Record(duration.TotalSeconds, tags);
    }

    internal void Failed(string kind) => _failures.Add(1, new KeyValuePair<string, object?>(TelemetryTags.FailureKind, kind));

    internal void StoreOperation(string operation, string storeKind, TimeSpan duration, string? errorType = null)
    {
        var tags = new TagList { { TelemetryTags.StoreOperation, operation }, { TelemetryTags.StoreKind, storeKind } };
        if (errorType is not null) tags.Add(TelemetryTags.ErrorType, errorType);
        _storeLatency.Record(duration.TotalSeconds, tags);
    }

    internal void TagRefreshLag(TimeSpan lag) => _tagLag.Record(Math.Max(0, lag.TotalSeconds));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
