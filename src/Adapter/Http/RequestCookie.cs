namespace NextRouteHandlers.Http;

/// <summary>A cookie the client sent: its name and its percent-decoded value.</summary>
/// <param name="Name">The cookie name, as sent.</param>
/// <param name="Value">The value, decoded as <c>decodeURIComponent</c> does.</param>
public sealed record RequestCookie(string Name, string Value);
