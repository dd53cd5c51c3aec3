namespace NextRouteHandlers.Http;

/// <summary>
/// The body of a <see cref="Response"/>: either bytes known up front or a stream produced while it is sent.
/// Streaming bodies are written chunk by chunk and flushed as produced, as Next.js does for a <c>ReadableStream</c>.
/// </summary>
public abstract class ResponseBody
{
    /// <summary>The length in bytes when known before writing; null for streams.</summary>
    public abstract long? Length { get; }

    /// <summary>Writes the body to <paramref name="destination"/>.</summary>
    /// <param name="destination">The response stream.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    public abstract Task WriteToAsync(Stream destination, CancellationToken cancellationToken);

    /// <summary>Releases the body without sending it (a HEAD request runs the GET handler and drops its body).</summary>
    public virtual ValueTask DiscardAsync() => ValueTask.CompletedTask;

    /// <summary>A body of bytes known up front.</summary>
    /// <param name="bytes">The bytes; not copied.</param>
    public static ResponseBody FromBytes(ReadOnlyMemory<byte> bytes) => new BytesBody(bytes);

    /// <summary>A body read from <paramref name="stream"/> while it is sent; the stream is disposed afterwards.</summary>
    /// <param name="stream">A readable stream.</param>
    public static ResponseBody FromStream(Stream stream) => new StreamBody(stream);

    /// <summary>A body of chunks produced while it is sent; each chunk is flushed to the client as soon as it is written.</summary>
    /// <param name="chunks">The chunks; enumeration stops, and the enumerator is disposed, when the client goes away.</param>
    public static ResponseBody FromChunks(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks) => new ChunkedBody(chunks);

    private sealed class BytesBody(ReadOnlyMemory<byte> bytes) : ResponseBody
    {
        public override long? Length => bytes.Length;

        public override Task WriteToAsync(Stream destination, CancellationToken cancellationToken) =>
            bytes.Length == 0 ? Task.CompletedTask : destination.WriteAsync(bytes, cancellationToken).AsTask();
    }

    private sealed class StreamBody(Stream stream) : ResponseBody
    {
        public override long? Length => null;

        public override ValueTask DiscardAsync() => stream.DisposeAsync();

        public override async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
        {
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private sealed class ChunkedBody(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks) : ResponseBody
    {
        public override long? Length => null;

        public override async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
        {
            await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (chunk.Length == 0) continue;
                await destination.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
