namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// The names under which the library reports traces and metrics through <c>System.Diagnostics</c>, for an
/// OpenTelemetry setup to subscribe to (<c>AddSource(RouteHandlerTelemetry.ActivitySourceName)</c>,
/// <c>AddMeter(RouteHandlerTelemetry.MeterNames)</c>). The library itself depends on no OpenTelemetry package; what
/// each source emits is listed in docs/observability.md.
/// </summary>
public static class RouteHandlerTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of every span the library starts.</summary>
    public const string ActivitySourceName = "NextRouteHandlers";

    /// <summary>The meter of request and handler durations.</summary>
    public const string MeterName = "NextRouteHandlers";

    /// <summary>The meter of the response cache: lookups, regenerations, store operations, tag refresh lag.</summary>
    public const string CacheMeterName = "NextRouteHandlers.Cache";

    /// <summary>The meter of the CDN purge.</summary>
    public const string CdnMeterName = "NextRouteHandlers.Cdn";

    /// <summary>Every meter name of the library.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [MeterName, CacheMeterName, CdnMeterName];
}
