using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NextRouteHandlers.Http;

/// <summary>
/// A <c>text/event-stream</c> response from a sequence of events: each event is flushed as soon as it is produced,
/// never compressed, and marked <c>no-transform</c>. Behind the Azure Functions host a connection idle for 240
/// seconds is closed, so pass a <c>heartbeat</c> (a comment line sent when no event came for that long).
/// </summary>
public static class EventStream
{
    private static readonly ReadOnlyMemory<byte> HeartbeatBytes = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    /// <summary>Creates the response.</summary>
    /// <param name="events">The events; enumeration is cancelled, and the enumerator disposed, when the client goes away.</param>
    /// <param name="heartbeat">Send a comment after this long without an event; null sends none.</param>
    /// <param name="init">Status and further headers.</param>
    /// <param name="time">The clock the heartbeat waits on; the system clock by default (a test passes a fake one).</param>
    public static Response Create(IAsyncEnumerable<ServerSentEvent> events, TimeSpan? heartbeat = null, ResponseInit? init = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (heartbeat is { } interval && interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(heartbeat), "A heartbeat interval must be positive.");
        var headers = init is null ? new Headers() : new Headers(init.Headers);
        if (!headers.Has("content-type")) headers.Set("content-type", "text/event-stream");
        if (!headers.Has("cache-control")) headers.Set("cache-control", "no-cache, no-transform");
        return new Response(Encode(events, heartbeat, time ?? TimeProvider.System), new ResponseInit { Status = init?.Status ?? 200, StatusText = init?.StatusText, Headers = headers });
    }

    /// <summary>The wire form of one event.</summary>
    /// <param name="serverSentEvent">The event.</param>
    public static string Format(ServerSentEvent serverSentEvent)
    {
        ArgumentNullException.ThrowIfNull(serverSentEvent);
        var builder = new StringBuilder();
        if (serverSentEvent.Id is not null) builder.Append("id: ").Append(SingleLine(serverSentEvent.Id, "id")).Append('\n');
        if (serverSentEvent.Event is not null) builder.Append("event: ").Append(SingleLine(serverSentEvent.Event, "event")).Append('\n');
        if (serverSentEvent.Retry is { } retry) builder.Append("retry: ").Append(((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var line in serverSentEvent.Data.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')) builder.Append("data: ").Append(line).Append('\n');
        return builder.Append('\n').ToString();
    }

    private static string SingleLine(string value, string field) =>
        value.AsSpan().IndexOfAny('\r', '\n') >= 0 ? throw new ArgumentException($"An event's {field} may not contain a line break.", nameof(value)) : value;

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Encode(IAsyncEnumerable<ServerSentEvent> events, TimeSpan? heartbeat, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        Task<bool>? pending = null;
        try
        {
            while (true)
            {
                pending ??= enumerator.MoveNextAsync().AsTask();
                if (heartbeat is { } interval && await Task.WhenAny(pending, Task.Delay(interval, time, cancellationToken)).ConfigureAwait(false) != pending)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return HeartbeatBytes;
                    continue;
                }

                var hasNext = await pending.ConfigureAwait(false);
                pending = null;
                if (!hasNext) yield break;
                yield return Encoding.UTF8.GetBytes(Format(enumerator.Current));
            }
        }
        finally
        {
            // An async iterator cannot be disposed while a MoveNextAsync is in flight: let it observe cancellation first.
            if (pending is not null)
            {
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
