namespace NextRouteHandlers.Invocation;

/// <summary>
/// The signal thrown by <see cref="NextRouteHandlers.Next.Redirect"/>, <see cref="NextRouteHandlers.Next.NotFound"/> and their kind, caught by the
/// pipeline and turned into a response. Like Next.js's navigation errors, it must not be swallowed: a
/// <c>catch (Exception)</c> around the call should rethrow it.
/// </summary>
public abstract class NavigationException : Exception
{
    /// <summary>Creates the signal.</summary>
    /// <param name="message">What the signal means, for logs.</param>
    protected NavigationException(string message)
        : base(message)
    {
    }
}

/// <summary>Thrown by <see cref="NextRouteHandlers.Next.Redirect"/> and <see cref="NextRouteHandlers.Next.PermanentRedirect"/>.</summary>
public sealed class RedirectException : NavigationException
{
    /// <summary>Creates the signal.</summary>
    /// <param name="location">The target, as given (relative URLs stay relative).</param>
    /// <param name="permanent">True for 308, false for 307 (a form POST gets 303 either way).</param>
    public RedirectException(string location, bool permanent)
        : base($"Redirect to '{location}'. Rethrow this exception; the route handler pipeline turns it into the response.")
    {
        Location = location ?? throw new ArgumentNullException(nameof(location));
        Permanent = permanent;
    }

    /// <summary>The target, exactly as given.</summary>
    public string Location { get; }

    /// <summary>True for <see cref="NextRouteHandlers.Next.PermanentRedirect"/>.</summary>
    public bool Permanent { get; }
}

/// <summary>Thrown by <see cref="NextRouteHandlers.Next.NotFound"/>, <see cref="NextRouteHandlers.Next.Forbidden"/> and <see cref="NextRouteHandlers.Next.Unauthorized"/>.</summary>
public sealed class HttpAccessFallbackException : NavigationException
{
    /// <summary>Creates the signal.</summary>
    /// <param name="status">404, 403 or 401.</param>
    public HttpAccessFallbackException(int status)
        : base($"Respond {status}. Rethrow this exception; the route handler pipeline turns it into the response.")
    {
        Status = status;
    }

    /// <summary>The status to answer with.</summary>
    public int Status { get; }
}
