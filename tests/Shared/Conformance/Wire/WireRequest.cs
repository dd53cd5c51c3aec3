namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A request exactly as it goes on the wire: the method and target as written (a lower-case method, <c>//</c> or
/// <c>(group)</c> in the path, no normalization), the headers in the case's order, and the body bytes, if any.
/// </summary>
/// <param name="Method">The method token.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="Headers">The headers, in order.</param>
/// <param name="Body">The body; <see langword="null"/> sends none (and no <c>Content-Length</c>).</param>
public sealed record WireRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body);
