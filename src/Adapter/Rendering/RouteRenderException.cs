namespace NextRouteHandlers.Rendering;

/// <summary>
/// A cached route's render failed: its handler threw (the inner exception) or returned nothing a response can be made
/// of. A regeneration that fails keeps serving the stale entry; a render a request waits for answers 500.
/// </summary>
internal sealed class RouteRenderException(string message, Exception? inner) : Exception(message, inner);
