using System.Net.Sockets;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A buffered reader over a socket with the read semantics of Python's <c>BufferedReader</c>, which replay.py's
/// <c>http.client</c> reads through: <see cref="ReadLineAsync"/> fills an 8 KB buffer, <see cref="ReadSomeAsync"/>
/// returns buffered bytes when there are any and otherwise does exactly one socket read. The number of body reads the
/// stream rules count therefore comes out as it does in replay.py.
/// </summary>
public sealed class WireReader
{
    private const int BufferSize = 8192;
    private readonly Socket _socket;
    private readonly TimeSpan _timeout;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;

    /// <summary>Reads from <paramref name="socket"/>; each socket read may take at most <paramref name="timeout"/>.</summary>
    /// <param name="socket">A connected socket.</param>
    /// <param name="timeout">The limit of one socket read.</param>
    public WireReader(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
    }

    /// <summary>Reads up to and including the next line feed, at most <paramref name="limit"/> bytes; empty at the end of the stream.</summary>
    /// <param name="limit">The most bytes to return.</param>
    public async Task<byte[]> ReadLineAsync(int limit)
    {
        var line = new List<byte>();
        while (line.Count < limit)
        {
            if (_start == _end && !await FillAsync()) break;
            var available = Math.Min(_end - _start, limit - line.Count);
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, available);
            var take = newline >= 0 ? newline - _start + 1 : available;
            line.AddRange(_buffer.AsSpan(_start, take).ToArray());
            _start += take;
            if (newline >= 0) break;
        }

        return [.. line];
    }

    /// <summary>
    /// At most <paramref name="count"/> bytes: the buffered ones if any, else what one socket read brings; empty at the
    /// end of the stream.
    /// </summary>
    /// <param name="count">The most bytes to return.</param>
    public async Task<byte[]> ReadSomeAsync(int count)
    {
        if (count <= 0) return [];
        if (_start < _end)
        {
            var take = Math.Min(count, _end - _start);
            var buffered = _buffer.AsSpan(_start, take).ToArray();
            _start += take;
            return buffered;
        }

        var direct = new byte[count];
        var read = await ReceiveAsync(direct);
        return direct.AsSpan(0, read).ToArray();
    }

    /// <summary>Exactly <paramref name="count"/> bytes, or fewer when the stream ends first.</summary>
    /// <param name="count">How many bytes to read.</param>
    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        var data = new List<byte>(count);
        while (data.Count < count)
        {
            // As BufferedReader.read: small remainders go through the buffer, which may read ahead.
            if (_start == _end && count - data.Count <= BufferSize && !await FillAsync()) break;
            var part = await ReadSomeAsync(count - data.Count);
            if (part.Length == 0) break;
            data.AddRange(part);
        }

        return [.. data];
    }

    private async Task<bool> FillAsync()
    {
        _start = 0;
        _end = await ReceiveAsync(_buffer);
        return _end > 0;
    }

    private async Task<int> ReceiveAsync(Memory<byte> into)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            return await _socket.ReceiveAsync(into, SocketFlags.None, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no data from the server within {_timeout.TotalSeconds} s");
        }
    }
}
