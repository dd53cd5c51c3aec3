using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Caching;

/// <summary>
/// Draft mode's id, Next.js's per-build <c>previewModeId</c>: the value of the <c>__prerender_bypass</c> cookie that
/// <c>Next.DraftMode().Enable()</c> sets, and that makes a request a draft request (it skips the response cache). It is
/// the HMAC-SHA256 of the build id keyed with <c>Cache:DraftModeSecret</c>, or with <c>Cache:RevalidateSecret</c> when
/// that is unset: every instance of one deployment computes the same value, a new build makes older cookies worthless,
/// and the cookie, which browsers hold, reveals neither secret (in Next.js it is the on-demand revalidation secret
/// itself). With neither secret configured the id is random, known to this process only.
/// </summary>
internal sealed class DraftModeId
{
    /// <summary>The cookie that carries the id.</summary>
    public const string CookieName = "__prerender_bypass";

    /// <summary>The cookie of preview data (the Pages Router's), which disabling draft mode clears as well.</summary>
    public const string DataCookieName = "__prerender_bypass_preview";

    /// <summary>The <c>Cache-Control</c> of a draft request's response on a cached route: never stored by anyone.</summary>
    public const string CacheControl = "private, no-cache, no-store, max-age=0, must-revalidate";

    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeMilliseconds(0);
    private readonly byte[] _expected;
    private int _warned;

    /// <summary>Derives the id.</summary>
    /// <param name="options">The cache options: the secrets.</param>
    /// <param name="build">The build id.</param>
    /// <param name="development">True in the Development environment, where the cookie is <c>SameSite=lax</c> and not <c>Secure</c> (plain-HTTP localhost), as under <c>next dev</c>.</param>
    public DraftModeId(CacheOptions options, CacheBuild build, bool development)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(build);
        var secret = string.IsNullOrEmpty(options.DraftModeSecret) ? options.RevalidateSecret : options.DraftModeSecret;
        IsShared = !string.IsNullOrEmpty(secret);
        var key = IsShared ? Encoding.UTF8.GetBytes(secret!) : RandomNumberGenerator.GetBytes(32);
        Value = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(CookieName + "\n" + build.Id)));
        _expected = Encoding.UTF8.GetBytes(Value);
        Development = development;
    }

    /// <summary>The id: 64 lower-case hex digits.</summary>
    public string Value { get; }

    /// <summary>True when the id comes from a configured secret, so that every instance of the deployment knows it.</summary>
    public bool IsShared { get; }

    /// <summary>True when cookies are written for <c>next dev</c>'s plain-HTTP localhost.</summary>
    public bool Development { get; }

    /// <summary>True when the request's <c>__prerender_bypass</c> cookie holds this id (compared in constant time).</summary>
    /// <param name="request">The request.</param>
    public bool Matches(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Cookie.ToString();
        if (!header.Contains(CookieName, StringComparison.Ordinal)) return false;
        return new RequestCookies(header).Get(CookieName)?.Value is { } value
            && CryptographicOperations.FixedTimeEquals(_expected, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>The cookie <c>draftMode().enable()</c> sets: <c>__prerender_bypass=&lt;id&gt;; Path=/; Secure; HttpOnly; SameSite=none</c>.</summary>
    public ResponseCookie EnableCookie() => Cookie(CookieName, Value, expires: null);

    /// <summary>The cookies <c>draftMode().disable()</c> sets: both draft cookies, empty and expired at the epoch.</summary>
    public IEnumerable<ResponseCookie> DisableCookies() => [Cookie(CookieName, string.Empty, Epoch), Cookie(DataCookieName, string.Empty, Epoch)];

    /// <summary>True the first time it is asked, for a warning logged once per process.</summary>
    public bool FirstWarning() => Interlocked.Exchange(ref _warned, 1) == 0;

    private ResponseCookie Cookie(string name, string value, DateTimeOffset? expires) =>
        new(name, value) { Path = "/", Expires = expires, HttpOnly = true, Secure = !Development, SameSite = Development ? "lax" : "none" };
}
