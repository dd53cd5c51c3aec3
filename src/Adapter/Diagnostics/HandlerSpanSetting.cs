namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// Whether a handler run is a span of its own (<c>RouteHandlers:HandlerSpans</c>), for the pipeline and the cache's
/// renders alike. A service of its own so that rendering, which does not see the pipeline's options, reads it too.
/// </summary>
/// <param name="Enabled">True for Next.js's <c>executing api route (app) &lt;route&gt;</c> span per run (off by default).</param>
internal sealed record HandlerSpanSetting(bool Enabled)
{
    /// <summary>The default, as <see cref="Pipeline.RouteHandlerOptions.HandlerSpans"/>'s: a handler run is no span of its own.</summary>
    public static HandlerSpanSetting Default { get; } = new(false);
}
