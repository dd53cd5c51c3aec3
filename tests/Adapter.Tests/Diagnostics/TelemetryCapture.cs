using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NextRouteHandlers.Tests.Diagnostics;

/// <summary>
/// Collects what an app reports through OpenTelemetry, as an app's own setup would: the library's source and meters
/// and ASP.NET Core's request span, into memory. Listeners are process-wide, so tests tell their spans apart by the
/// trace id they send in <c>traceparent</c>, and their metrics by route patterns no other test uses.
/// </summary>
/// <param name="serverSpans">Whether ASP.NET Core's server span is recorded too, as most apps' setups do.</param>
/// <param name="aspNetCoreInstrumentation">
/// With <paramref name="serverSpans"/>: recorded through OpenTelemetry's ASP.NET Core instrumentation
/// (<c>AddAspNetCoreInstrumentation()</c>, which gives the server span its own attributes and name), not as a bare source.
/// </param>
internal sealed class TelemetryCapture(bool serverSpans = true, bool aspNetCoreInstrumentation = false)
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly List<MetricSnapshot> _metrics = [];

    /// <summary>Registers the collection with an app's services.</summary>
    public void AddTo(IServiceCollection services) => services.AddOpenTelemetry()
        .WithTracing(tracing =>
        {
            tracing.AddSource(RouteHandlerTelemetry.ActivitySourceName);
            if (serverSpans && aspNetCoreInstrumentation) tracing.AddAspNetCoreInstrumentation();
            else if (serverSpans) tracing.AddSource("Microsoft.AspNetCore");
            tracing.AddInMemoryExporter(new QueueCollection(_spans));
        })
        .WithMetrics(metrics => metrics
            .AddMeter([.. RouteHandlerTelemetry.MeterNames])
            .AddInMemoryExporter(_metrics));

    /// <summary>The spans ended so far.</summary>
    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    /// <summary>Waits until a span that matches has ended, and returns it.</summary>
    public async Task<Activity> SpanAsync(Func<Activity, bool> match)
    {
        for (var i = 0; i < 500; i++)
        {
            if (Spans.FirstOrDefault(match) is { } span) return span;
            await Task.Delay(10);
        }

        throw new TimeoutException("No such span ended. Spans: " + string.Join(", ", Spans.Select(s => s.DisplayName)));
    }

    /// <summary>The spans of the library in one trace, and the server span it enriched as the request's.</summary>
    public IReadOnlyList<Activity> OursIn(ActivityTraceId trace) =>
        Spans.Where(s => s.TraceId == trace && (s.Source.Name == RouteHandlerTelemetry.ActivitySourceName || s.GetTagItem("next.span_type") is not null)).ToArray();

    /// <summary>
    /// Collects the metrics now and returns the points of the named instrument. A flush that exported none of it, or
    /// none that <paramref name="awaited"/> matches (the reader's collection may be joined rather than run again), is
    /// tried again for up to a second; what the last one exported is returned either way.
    /// </summary>
    public IReadOnlyList<MetricPoint> Points(IServiceProvider services, string instrument, Func<MetricPoint, bool>? awaited = null)
    {
        lock (_metrics)
        {
            var points = new List<MetricPoint>();
            for (var attempt = 0; attempt < 20 && !points.Any(awaited ?? (_ => true)); attempt++)
            {
                if (attempt > 0) Thread.Sleep(50);
                points.Clear();
                _metrics.Clear();
                services.GetRequiredService<MeterProvider>().ForceFlush();
                foreach (var metric in _metrics.Where(m => m.Name == instrument)) points.AddRange(metric.MetricPoints);
            }

            return points;
        }
    }

    /// <summary>Every tag of every metric point collected now.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> AllMetricTags(IServiceProvider services)
    {
        lock (_metrics)
        {
            _metrics.Clear();
            services.GetRequiredService<MeterProvider>().ForceFlush();
            var tags = new List<KeyValuePair<string, object?>>();
            foreach (var metric in _metrics)
            {
                foreach (var point in metric.MetricPoints)
                {
                    foreach (var tag in point.Tags) tags.Add(tag);
                }
            }

            return tags;
        }
    }

    /// <summary>A request header that makes the server's span a child of a new trace, whose id is returned.</summary>
    public static (ActivityTraceId Trace, ActivitySpanId Parent, string Header) NewTraceParent()
    {
        var trace = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();
        return (trace, parent, $"00-{trace.ToHexString()}-{parent.ToHexString()}-01");
    }

    /// <summary>The exporter wants an <see cref="ICollection{T}"/>; spans end on many threads.</summary>
    private sealed class QueueCollection(ConcurrentQueue<Activity> queue) : ICollection<Activity>
    {
        public int Count => queue.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => queue.Enqueue(item);

        public void Clear() => queue.Clear();

        public bool Contains(Activity item) => queue.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => queue.ToArray().CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException();

        public IEnumerator<Activity> GetEnumerator() => ((IEnumerable<Activity>)queue).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
