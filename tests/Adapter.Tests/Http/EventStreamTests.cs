using System.Runtime.CompilerServices;
using System.Text;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class EventStreamTests
{
    [Fact]
    public void Events_are_written_in_the_wire_format()
    {
        Assert.Equal("id: 1\nevent: tick\ndata: {\"n\":1}\n\n", EventStream.Format(new ServerSentEvent("{\"n\":1}") { Id = "1", Event = "tick" }));
        Assert.Equal("retry: 1500\ndata: a\ndata: b\n\n", EventStream.Format(new ServerSentEvent("a\r\nb") { Retry = TimeSpan.FromMilliseconds(1500) }));
        Assert.Throws<ArgumentException>(() => EventStream.Format(new ServerSentEvent("x") { Event = "a\nb" }));
    }

    [Fact]
    public void The_response_is_an_uncompressible_event_stream()
    {
        var response = EventStream.Create(Empty());

        Assert.Equal("text/event-stream", response.Headers.Get("content-type"));
        Assert.Equal("no-cache, no-transform", response.Headers.Get("cache-control"));
        Assert.False(NextRouteHandlers.Pipeline.Compression.IsCompressible(response));
    }

    [Fact]
    public async Task A_heartbeat_is_sent_while_no_event_comes()
    {
        var release = new TaskCompletionSource();
        async IAsyncEnumerable<ServerSentEvent> Slow([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await release.Task.WaitAsync(cancellationToken);
            yield return new ServerSentEvent("late");
        }

        var response = EventStream.Create(Slow(), heartbeat: TimeSpan.FromMilliseconds(30));
        using var output = new MemoryStream();
        var writing = response.Body!.WriteToAsync(output, CancellationToken.None);
        await Task.Delay(200);
        release.SetResult();
        await writing.WaitAsync(TimeSpan.FromSeconds(10));

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith(": keep-alive\n\n", text, StringComparison.Ordinal);
        Assert.EndsWith("data: late\n\n", text, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<ServerSentEvent> Empty()
    {
        await Task.CompletedTask;
        yield break;
    }
}
