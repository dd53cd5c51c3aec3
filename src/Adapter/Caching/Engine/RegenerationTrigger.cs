namespace NextRouteHandlers.Caching.Engine;

/// <summary>What made a render run: the <c>nextroutehandlers.regeneration.trigger</c> of its span and metrics.</summary>
internal static class RegenerationTrigger
{
    /// <summary>A request found no usable entry and waits for the render.</summary>
    public const string Miss = "miss";
    /// <summary>A request was answered with a stale entry; this render replaces it behind.</summary>
    public const string Background = "background";
    /// <summary>An authorised <c>x-prerender-revalidate</c>.</summary>
    public const string OnDemand = "on-demand";
    /// <summary>The prerender at startup or the <c>prerender</c> command.</summary>
    public const string Prerender = "prerender";
}
