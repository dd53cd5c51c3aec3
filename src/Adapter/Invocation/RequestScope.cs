using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Invocation;

/// <summary>
/// The request a handler (or <c>proxy.cs</c>) is running for, reachable from any code it calls (<see cref="Next"/>):
/// while the handler runs, and in the after phase, when what it scheduled with <c>Next.After</c> runs.
/// </summary>
internal sealed class RequestScope
{
    /// <summary>Why cookies cannot change in the after phase.</summary>
    public const string AfterPhaseCookies = "Cookies cannot be set or deleted in Next.After work: the response has been sent. Read them there, or change them before the handler returns.";

    private static readonly AsyncLocal<RequestScope?> CurrentScope = new();
    private readonly Lock _gate = new();
    private CookieStore? _cookies;
    private List<string>? _cacheTags;
    private List<TagState>? _invalidations;
    private int _invalidationsBeforeAfter;

    public RequestScope(NextRequest request) => Request = request;

    public static RequestScope? Current
    {
        get => CurrentScope.Value;
        set => CurrentScope.Value = value;
    }

    public NextRequest Request { get; }

    public CookieStore Cookies
    {
        get
        {
            if (_cookies is not null) return _cookies;
            var cookies = new CookieStore(Request.Cookies, Request.IsStripped);
            if (IsAfterPhase) cookies.Freeze(AfterPhaseCookies);
            return _cookies = cookies;
        }
    }

    public CookieStore? CookiesIfUsed => _cookies;

    /// <summary>Tags the handler attached to its cached render (<c>Next.CacheTag</c>).</summary>
    public List<string> CacheTags => _cacheTags ??= [];

    /// <summary>Invalidations the handler asked for; applied after it returns, before the response completes.</summary>
    public List<TagState> Invalidations => _invalidations ??= [];

    /// <summary>Records an invalidation; the work <c>Next.After</c> scheduled may make them side by side.</summary>
    /// <param name="state">The invalidation.</param>
    public void Invalidate(TagState state)
    {
        lock (_gate) Invalidations.Add(state);
    }

    /// <summary>The invalidations made in the after phase, which the after work applies when it is done.</summary>
    public IReadOnlyList<TagState> InvalidationsInAfterPhase()
    {
        lock (_gate) return _invalidations is null ? [] : _invalidations.Skip(_invalidationsBeforeAfter).ToArray();
    }

    /// <summary>
    /// Enters the after phase: the response has been sent, so cookies stop changing and draft mode cannot be switched;
    /// request data can still be read.
    /// </summary>
    public void EnterAfterPhase()
    {
        lock (_gate)
        {
            if (IsAfterPhase) return;
            IsAfterPhase = true;
            _invalidationsBeforeAfter = _invalidations?.Count ?? 0;
        }

        _cookies?.Freeze(AfterPhaseCookies);
    }

    /// <summary>True once the work scheduled with <c>Next.After</c> runs.</summary>
    public bool IsAfterPhase { get; private set; }

    /// <summary>The invalidations, or an empty list when there were none (without creating one).</summary>
    public IReadOnlyList<TagState> InvalidationsIfAny => _invalidations ?? (IReadOnlyList<TagState>)[];

    /// <summary>The cache tags, or an empty list when there were none (without creating one).</summary>
    public IReadOnlyList<string> CacheTagsIfAny => _cacheTags ?? (IReadOnlyList<string>)[];

    /// <summary>True while rendering a cached route, where reading request data or revalidating is not allowed.</summary>
    public bool IsCacheRender { get; init; }

    /// <summary>Draft mode's id, or null where there is none (a request made outside the pipeline).</summary>
    public DraftModeId? DraftModeId { get; init; }

    /// <summary>True when the request carries the draft-mode cookie and is not an on-demand revalidation.</summary>
    public bool IsDraftRequest { get; init; }

    /// <summary>Runs what <c>Next.After</c> schedules, or null where nothing may be scheduled (a scope made outside the pipeline).</summary>
    public AfterWork? AfterWork { get; init; }

    /// <summary>The route file (or proxy file) running, for the log of work it scheduled that fails.</summary>
    public string? SourceFile { get; init; }

    /// <summary>True for the scope of <c>proxy.cs</c>, where only <c>Next.After</c> may be called.</summary>
    public bool IsProxy { get; init; }

    /// <summary>Where the <c>Next</c> functions log (the pipeline's logger).</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Whether the handler's run is a span of its own (<see cref="Pipeline.RouteHandlerOptions.HandlerSpans"/>).</summary>
    public bool HandlerSpan { get; init; }

    /// <summary>Where the handler's duration is recorded, or null.</summary>
    public Diagnostics.RouteHandlerMetrics? Metrics { get; init; }

    /// <summary>The app's clock, which stamps the invalidations a handler makes.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
