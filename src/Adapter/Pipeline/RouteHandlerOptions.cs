namespace NextRouteHandlers.Pipeline;

/// <summary>
/// Options of the route-handler pipeline and its hosting, bound from the <c>RouteHandlers</c> configuration section.
/// The routing options of next.config (<c>basePath</c>, <c>trailingSlash</c>, headers, redirects, rewrites) are
/// <see cref="Proxy.NextConfig"/>, in the <c>Next</c> section.
/// </summary>
public sealed class RouteHandlerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "RouteHandlers";

    /// <summary>
    /// Next.js's <c>compress</c>: gzip compressible responses for clients that accept it (never server-sent events or
    /// <c>no-transform</c> responses). True by default; turn it off when a proxy or CDN in front compresses.
    /// </summary>
    public bool Compress { get; set; } = true;

    /// <summary>
    /// Whether <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> decide the public URL (<c>request.Url</c>). True by
    /// default: the Functions host sets them, and the app listens on loopback only. Set false when the app is
    /// reachable by clients directly, without a proxy that overwrites these headers.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; } = true;

    /// <summary>
    /// Whether the function key the Functions host validates (the <c>x-functions-key</c> header and the <c>code</c>
    /// query parameter) is removed before handlers see the request. Null (default) means: removed when running
    /// under the Functions host, kept otherwise. The catch-all function is anonymous, so set false when a handler
    /// needs a query parameter called <c>code</c> (an OAuth callback, say).
    /// </summary>
    public bool? StripFunctionKeys { get; set; }

    /// <summary>
    /// Whether every handler run is a span of its own, Next.js's <c>executing api route (app) /blog/[slug]</c> under
    /// the request span, when something records the library's spans. False by default: a request is one span, as in
    /// ASP.NET Core, named and attributed as Next.js's root span, and the handler's duration is the
    /// <c>nextroutehandlers.handler.duration</c> histogram; its failure fails the request span, and spans the handler
    /// starts are the request span's children. Set true for Next.js's span tree, at the price of a second span per
    /// request to record and export (on a handler that does almost no work, most of what tracing costs; docs/observability.md).
    /// </summary>
    public bool HandlerSpans { get; set; }

    /// <summary>
    /// Whether requests come through the Functions host's forwarder (as its isolated worker or its custom handler). Set
    /// by the hosting from <see cref="Hosting.FunctionsHostEnvironment"/>, not by configuration.
    /// </summary>
    internal bool BehindFunctionsHost { get; set; }
}
