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
    public async Task A_heartbeat_is_sent_when_the_interval_passes_without_an_event()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var release = new TaskCompletionSource();
        async IAsyncEnumerable<ServerSentEvent> Slow([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await release.Task.WaitAsync(cancellationToken);
            yield return new ServerSentEvent("late");
        }

        var response = EventStream.Create(Slow(), heartbeat: TimeSpan.FromSeconds(30), time: clock);
        var output = new Chunks();
        var writing = response.Body!.WriteToAsync(output, CancellationToken.None);

        // The first wait is armed before WriteToAsync returns; only the clock moving past it sends the heartbeat.
        Assert.Equal(string.Empty, output.Text);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(string.Empty, output.Text);
        clock.Advance(TimeSpan.FromSeconds(1));
        await output.WaitForAsync(1);
        release.SetResult();
        await writing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(": keep-alive\n\ndata: late\n\n", output.Text);
    }

    /// <summary>Collects what is written and lets a test wait for the n-th write.</summary>
    private sealed class Chunks : Stream
    {
        private readonly StringBuilder _text = new();
        private int _writes;

        public string Text
        {
            get
            {
                lock (_text) return _text.ToString();
            }
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public async Task WaitForAsync(int writes)
        {
            for (var i = 0; i < 500 && Volatile.Read(ref _writes) < writes; i++) await Task.Delay(10);
            Assert.True(Volatile.Read(ref _writes) >= writes, $"Only {_writes} write(s) arrived, {writes} expected.");
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_text) _text.Append(Encoding.UTF8.GetString(buffer, offset, count));
            Interlocked.Increment(ref _writes);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static async IAsyncEnumerable<ServerSentEvent> Empty()
    {
        await Task.CompletedTask;
        yield break;
    }
}
