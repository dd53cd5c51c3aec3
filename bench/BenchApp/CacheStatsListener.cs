using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NextRouteHandlers.Caching;

namespace BenchApp;

/// <summary>
/// Counts what the response cache reports on its meter (<see cref="CacheMetrics.MeterName"/>), so the benchmark can
/// tell requests answered from the per-instance memory (L1) from those that read the store: every cached request
/// is one <c>nextroutehandlers.cache.lookups</c> measurement, and each store read one
/// <c>nextroutehandlers.cache.store.duration</c> measurement (seconds, kept here in milliseconds) tagged <c>nextroutehandlers.store.operation=read</c>; an L1 hit records no store read. Served by <c>/bench/stats</c>.
/// </summary>
internal sealed class CacheStatsListener : IDisposable
{
    private const int KeptDurations = 100_000;

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _lookups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Start"/> was called (the app starts it only with <c>BENCH_CACHE_STATS=1</c>).</summary>
    public bool Started { get; private set; }

    public void Start()
    {
        Started = true;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CacheMetrics.MeterName && instrument.Name is "nextroutehandlers.cache.lookups" or "nextroutehandlers.cache.store.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => _lookups.AddOrUpdate(TagValue(tags, "nextroutehandlers.cache.result"), value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => _operations.GetOrAdd(TagValue(tags, "nextroutehandlers.store.operation"), _ => new Operation()).Record(value * 1000));
        _listener.Start();
    }

    /// <summary>The counts since the app started.</summary>
    public CacheStats Snapshot() => new(
        new SortedDictionary<string, long>(_lookups, StringComparer.Ordinal),
        new SortedDictionary<string, OperationStats>(_operations.ToDictionary(o => o.Key, o => o.Value.Stats()), StringComparer.Ordinal));

    public void Dispose() => _listener.Dispose();

    private static string TagValue(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name) return tag.Value?.ToString() ?? "none";
        }

        return "none";
    }

    /// <summary>One store operation's count and durations (the first <see cref="KeptDurations"/> kept for percentiles).</summary>
    private sealed class Operation
    {
        private readonly Lock _gate = new();
        private readonly List<double> _durations = [];
        private long _count;
        private double _totalMs;

        public void Record(double milliseconds)
        {
            lock (_gate)
            {
                _count++;
                _totalMs += milliseconds;
                if (_durations.Count < KeptDurations) _durations.Add(milliseconds);
            }
        }

        public OperationStats Stats()
        {
            lock (_gate)
            {
                var sorted = _durations.Order().ToArray();
                return new OperationStats(_count, _totalMs, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
            }
        }

        private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}

/// <summary>Lookups by result (<c>hit</c>, <c>stale</c>, <c>miss</c>, <c>revalidated</c>) and store operations by kind (<c>read</c>, <c>write</c>, <c>tags-read</c>, ...).</summary>
internal sealed record CacheStats(SortedDictionary<string, long> Lookups, SortedDictionary<string, OperationStats> Store);

/// <summary>How many store operations of one kind ran, their total duration, and the median and 99th percentile of the first 100,000.</summary>
internal sealed record OperationStats(long Count, double TotalMs, double P50Ms, double P99Ms);
