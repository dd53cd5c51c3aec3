using System.Diagnostics.Metrics;

namespace NextRouteHandlers.Caching;

/// <summary>
/// The response cache's meters (<c>System.Diagnostics.Metrics</c>, meter <c>NextRouteHandlers.Cache</c>): what
/// dotnet-counters, OpenTelemetry or Application Insights collect.
/// </summary>
public sealed class CacheMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "NextRouteHandlers.Cache";

    private readonly Meter _meter;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _regenerations;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _storeLatency;

    // One tag per result, made once: a lookup happens on every cached request and must not allocate.
    private static readonly KeyValuePair<string, object?>[] LookupResults =
        Enum.GetValues<CacheStatus>().Select(s => new KeyValuePair<string, object?>("result", s.ToString().ToLowerInvariant())).ToArray();

    /// <summary>Creates the meters.</summary>
    /// <param name="meterFactory">The app's meter factory, or null for a private meter.</param>
    public CacheMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _lookups = _meter.CreateCounter<long>("route_cache.lookups", description: "Cached-route requests by result (hit, stale, miss, revalidated).");
        _regenerations = _meter.CreateCounter<long>("route_cache.regenerations", description: "Renders of cached routes.");
        _failures = _meter.CreateCounter<long>("route_cache.failures", description: "Failed renders and store operations, by kind.");
        _storeLatency = _meter.CreateHistogram<double>("route_cache.store.duration", unit: "ms", description: "Duration of store operations.");
    }

    internal void Lookup(CacheStatus status) => _lookups.Add(1, LookupResults[(int)status]);

    internal void Regenerated() => _regenerations.Add(1);

    internal void Failed(string kind) => _failures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void StoreOperation(string operation, TimeSpan duration) =>
        _storeLatency.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("operation", operation));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
