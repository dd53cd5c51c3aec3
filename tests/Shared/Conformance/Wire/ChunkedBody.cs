using System.Globalization;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A <c>Transfer-Encoding: chunked</c> body, decoded as http.client does: a read never crosses the end of a chunk,
/// chunk extensions are ignored, the trailer is read and dropped, and a body that ends inside a chunk is an error.
/// </summary>
public sealed class ChunkedBody : IBodySource
{
    private readonly WireReader _reader;
    private long? _left;
    private bool _complete;

    /// <summary>Reads the chunks that follow the headers on <paramref name="reader"/>.</summary>
    /// <param name="reader">The connection, positioned after the headers.</param>
    public ChunkedBody(WireReader reader) => _reader = reader;

    /// <inheritdoc />
    public async Task<byte[]> ReadSomeAsync(int count)
    {
        var left = await ChunkLeftAsync();
        if (left is null || count == 0) return [];
        var data = await _reader.ReadSomeAsync((int)Math.Min(count, left.Value));
        if (data.Length == 0) throw new IOException("the body ended inside a chunk");
        _left -= data.Length;
        return data;
    }

    private async Task<long?> ChunkLeftAsync()
    {
        if (_complete) return null;
        if (_left is null or 0)
        {
            if (_left == 0 && (await _reader.ReadExactlyAsync(2)).Length < 2) throw new IOException("the body ended after a chunk");
            var size = ParseSize(await WireResponseReader.ReadLineAsync(_reader, "chunk size"));
            if (size == 0)
            {
                await DiscardTrailerAsync();
                _complete = true;
                return null;
            }

            _left = size;
        }

        return _left;
    }

    private async Task DiscardTrailerAsync()
    {
        while (await WireResponseReader.ReadLineAsync(_reader, "trailer line") is not ("" or "\r\n" or "\n"))
        {
        }
    }

    private static long ParseSize(string line)
    {
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        var digits = (semicolon >= 0 ? line[..semicolon] : line).Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits[2..];
        return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) && size >= 0
            ? size
            : throw new IOException($"bad chunk size line {JsonTree.Show(line)}");
    }
}
