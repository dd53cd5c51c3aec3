using System.Diagnostics.Metrics;

namespace NextRouteHandlers.Cdn;

/// <summary>The CDN purge's meters (meter <c>NextRouteHandlers.Cdn</c>).</summary>
internal sealed class CdnMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "NextRouteHandlers.Cdn";

    private static readonly KeyValuePair<string, object?>[] Outcomes =
        Enum.GetValues<PurgeOutcome>().Select(o => new KeyValuePair<string, object?>("outcome", o.ToString().ToLowerInvariant())).ToArray();

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _paths;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _lag;

    /// <summary>Creates the meters.</summary>
    /// <param name="meterFactory">The app's meter factory, or null for a private meter.</param>
    public CdnMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("cdn.purge.requests", unit: "{request}", description: "Purge requests sent to Front Door, by outcome (accepted, rejected, unavailable).");
        _paths = _meter.CreateCounter<long>("cdn.purge.paths", unit: "{path}", description: "Paths in accepted purge requests.");
        _dropped = _meter.CreateCounter<long>("cdn.purge.dropped", unit: "{job}", description: "Queued purges given up after too many failed rounds.");
        _lag = _meter.CreateHistogram<double>("cdn.purge.lag", unit: "s", description: "Time from a revalidation to Front Door accepting its purge.");
    }

    /// <summary>Counts one purge request.</summary>
    public void Request(PurgeOutcome outcome, int paths)
    {
        _requests.Add(1, Outcomes[(int)outcome]);
        if (outcome == PurgeOutcome.Accepted) _paths.Add(paths);
    }

    /// <summary>Records how long a change waited for its purge to be accepted.</summary>
    public void Lag(TimeSpan lag) => _lag.Record(lag.TotalSeconds);

    /// <summary>Counts a dropped job.</summary>
    public void Dropped() => _dropped.Add(1);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
