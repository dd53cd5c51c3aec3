namespace NextRouteHandlers.Pipeline;

/// <summary>The URL a request asked for, in the parts handlers see it by.</summary>
/// <param name="Protocol">The public scheme with its colon: <c>http:</c> or <c>https:</c>.</param>
/// <param name="Host">The public host, with its port unless it is the scheme's default.</param>
/// <param name="Path">The percent-encoded path, the base path removed.</param>
/// <param name="Query">The raw query with its <c>?</c>, or empty.</param>
internal readonly record struct RequestUrl(string Protocol, string Host, string Path, string Query);
