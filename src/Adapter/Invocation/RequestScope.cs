using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Invocation;

/// <summary>The request a handler is running for, reachable from any code it calls (<see cref="Next"/>).</summary>
internal sealed class RequestScope
{
    private static readonly AsyncLocal<RequestScope?> CurrentScope = new();
    private CookieStore? _cookies;
    private List<string>? _cacheTags;
    private List<TagState>? _invalidations;

    public RequestScope(NextRequest request) => Request = request;

    public static RequestScope? Current
    {
        get => CurrentScope.Value;
        set => CurrentScope.Value = value;
    }

    public NextRequest Request { get; }

    public CookieStore Cookies => _cookies ??= new CookieStore(Request.Cookies, Request.IsStripped);

    public CookieStore? CookiesIfUsed => _cookies;

    /// <summary>Tags the handler attached to its cached render (<c>Next.CacheTag</c>).</summary>
    public List<string> CacheTags => _cacheTags ??= [];

    /// <summary>Invalidations the handler asked for; applied after it returns, before the response completes.</summary>
    public List<TagState> Invalidations => _invalidations ??= [];

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

    /// <summary>Where the <c>Next</c> functions log (the pipeline's logger).</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>The app's clock, which stamps the invalidations a handler makes.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
