namespace NextRouteHandlers.Caching;

/// <summary>
/// The invalidation state of one tag (Next.js 16 semantics): entries rendered before <see cref="Stale"/> are stale
/// (served once more while a regeneration runs); entries rendered before <see cref="Expired"/>, once that moment has
/// passed, are not served at all.
/// </summary>
/// <param name="Tag">The tag.</param>
/// <param name="Stale">When the tag was marked stale, or null.</param>
/// <param name="Expired">When entries with the tag expire, or null.</param>
public sealed record TagState(string Tag, DateTimeOffset? Stale, DateTimeOffset? Expired);
