namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A body delimited by <c>Content-Length</c>, or, without one, by the end of the connection. A body cut short ends
/// where the connection ended (http.client's <c>read1</c> raises no error for it).
/// </summary>
public sealed class DelimitedBody : IBodySource
{
    private readonly WireReader _reader;
    private long? _left;

    /// <summary>Reads a body of <paramref name="length"/> bytes, or up to the end of the connection when it is <see langword="null"/>.</summary>
    /// <param name="reader">The connection, positioned after the headers.</param>
    /// <param name="length">The declared length.</param>
    public DelimitedBody(WireReader reader, long? length)
    {
        _reader = reader;
        _left = length;
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadSomeAsync(int count)
    {
        if (_left is { } left) count = (int)Math.Min(count, left);
        if (count == 0) return [];
        var data = await _reader.ReadSomeAsync(count);
        _left -= data.Length;
        return data;
    }
}
