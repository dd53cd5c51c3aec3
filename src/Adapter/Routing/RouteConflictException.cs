namespace NextRouteHandlers.Routing;

/// <summary>
/// Thrown when a manifest holds routes that Next.js would refuse to build together. A manifest produced by the
/// source generator never does (the generator reports these as compiler errors); a hand-built one might.
/// </summary>
internal sealed class RouteConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which routes conflict and why.</param>
    public RouteConflictException(string message)
        : base(message)
    {
    }
}
