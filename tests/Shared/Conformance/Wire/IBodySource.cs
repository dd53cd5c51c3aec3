namespace NextRouteHandlers.Testing.Conformance;

/// <summary>Where the bytes of a response body come from, one read at a time.</summary>
public interface IBodySource
{
    /// <summary>The next bytes of the body, at most <paramref name="count"/>; empty when the body is complete.</summary>
    /// <param name="count">The most bytes to return.</param>
    Task<byte[]> ReadSomeAsync(int count);
}
