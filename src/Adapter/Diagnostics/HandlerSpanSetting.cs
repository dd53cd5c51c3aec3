namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// Whether a handler run is a span of its own (<c>RouteHandlers:HandlerSpans</c>), for the pipeline and the cache's
/// renders alike. A service of its own so that rendering, which does not see the pipeline's options, reads it too.
/// </summary>
/// <param name="Enabled">True (the default) for Next.js's <c>executing api route (app) &lt;route&gt;</c> span per run.</param>
internal sealed record HandlerSpanSetting(bool Enabled)
{
    /// <summary>The default: every handler run is a span.</summary>
    public static HandlerSpanSetting On { get; } = new(true);
}
