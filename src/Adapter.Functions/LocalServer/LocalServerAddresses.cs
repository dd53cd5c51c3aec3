namespace NextRouteHandlers.Functions.LocalServer;

/// <summary>The addresses the worker listens on when it runs without the Functions host, separated by semicolons.</summary>
/// <param name="Urls">The addresses, as <c>--urls</c> takes them.</param>
internal sealed record LocalServerAddresses(string Urls);
