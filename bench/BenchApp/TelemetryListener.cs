using System.Diagnostics;
using System.Diagnostics.Metrics;
using NextRouteHandlers.Diagnostics;

namespace BenchApp;

/// <summary>
/// What an OpenTelemetry pipeline costs the app while it records, without the export itself: with
/// <c>BENCH_TELEMETRY=1</c> every span of the library and of ASP.NET Core is sampled and recorded, its tags read when it
/// stops, and every measurement of the library's and ASP.NET Core's meters taken; with <c>BENCH_TELEMETRY=aspnetcore</c>
/// only ASP.NET Core's, as any ASP.NET Core app exporting telemetry has. The <c>tracing</c> figures compare the three.
/// <c>BENCH_TELEMETRY=spans</c> and <c>=meters</c> add only the library's spans or only its meters to ASP.NET Core's,
/// to tell the two costs apart when profiling.
/// </summary>
internal sealed class TelemetryListener : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _measurements = new();
    private long _spansSeen;
    private long _tagsSeen;
    private double _measured;

    private readonly bool _library;

    /// <summary>Creates the listener.</summary>
    /// <param name="library">Also the library's spans and meters, not only ASP.NET Core's.</param>
    /// <param name="librarySpans">With <paramref name="library"/>: the library's spans (false: only its meters).</param>
    /// <param name="libraryMeters">With <paramref name="library"/>: the library's meters (false: only its spans).</param>
    public TelemetryListener(bool library, bool librarySpans = true, bool libraryMeters = true)
    {
        _library = library && libraryMeters;
        var spans = library && librarySpans;
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore" || (spans && source.Name == RouteHandlerTelemetry.ActivitySourceName),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                Interlocked.Increment(ref _spansSeen);
                foreach (var _ in activity.TagObjects) Interlocked.Increment(ref _tagsSeen);
            },
        };
    }

    /// <summary>Attaches both listeners.</summary>
    public void Start()
    {
        ActivitySource.AddActivityListener(_spans);
        _measurements.InstrumentPublished = (instrument, listener) =>
        {
            if ((_library && RouteHandlerTelemetry.MeterNames.Contains(instrument.Meter.Name)) || instrument.Meter.Name == "Microsoft.AspNetCore.Hosting") listener.EnableMeasurementEvents(instrument);
        };
        _measurements.SetMeasurementEventCallback<long>((_, value, _, _) => Add(value));
        _measurements.SetMeasurementEventCallback<double>((_, value, _, _) => Add(value));
        _measurements.Start();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _spans.Dispose();
        _measurements.Dispose();
    }

    private void Add(double value)
    {
        double seen, sum;
        do
        {
            seen = Volatile.Read(ref _measured);
            sum = seen + value;
        }
        while (Interlocked.CompareExchange(ref _measured, sum, seen) != seen);
    }
}
