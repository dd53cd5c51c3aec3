namespace NextRouteHandlers.Caching;

/// <summary>
/// A render that produced nothing to store, on purpose: the startup prerender of a route that answered a status of 400
/// or more other than 404 (which makes the route dynamic, as in Next.js). Not a failure: nothing is logged as an error.
/// </summary>
internal sealed class RenderDeclinedException(string message) : Exception(message);
