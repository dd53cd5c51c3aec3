namespace NextRouteHandlers.Proxy;

/// <summary>A path pattern (a proxy matcher or a next.config <c>source</c>) that path-to-regexp would reject.</summary>
/// <remarks>This file is shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal sealed class PathPatternException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in path-to-regexp's words where it has them (<c>Missing parameter name at 5</c>).</param>
    public PathPatternException(string message)
        : base(message)
    {
    }
}
