namespace NextRouteHandlers.Urls;

/// <summary>What to do with a request path before anything else: redirect to the collapsed path, or go on with the resolved one.</summary>
/// <param name="Path">The path to match, when <paramref name="RedirectTo"/> is null.</param>
/// <param name="RedirectTo">A 308 target (path and query), when the path must be corrected first.</param>
internal readonly record struct PathNormalization(string Path, string? RedirectTo);
