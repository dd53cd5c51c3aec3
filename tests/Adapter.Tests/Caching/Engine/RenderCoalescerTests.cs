using System.Text;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Tests.Caching.Engine;

public class RenderCoalescerTests
{
    private static CacheEntry Entry(string body) => new() { Status = 200, Headers = [], Body = Encoding.UTF8.GetBytes(body), LastModified = DateTimeOffset.UnixEpoch, Tags = [] };

    [Fact]
    public async Task Callers_while_a_render_runs_share_it_and_the_key_is_free_afterwards()
    {
        var coalescer = new RenderCoalescer();
        var gate = new TaskCompletionSource();
        var runs = 0;
        async Task<CacheEntry> Render()
        {
            Interlocked.Increment(ref runs);
            await gate.Task;
            return Entry("v" + runs);
        }

        var first = coalescer.RunOnceAsync("k", Render);
        var second = coalescer.RunOnceAsync("k", Render);
        Assert.True(coalescer.IsRunning("k"));
        gate.SetResult();

        Assert.Same(await first, await second);
        Assert.False(coalescer.IsRunning("k"));
        Assert.Equal("v2", Encoding.UTF8.GetString((await coalescer.RunOnceAsync("k", Render)).Body));
    }

    [Fact]
    public async Task A_failed_render_fails_every_caller_that_shared_it_and_frees_the_key()
    {
        var coalescer = new RenderCoalescer();
        var gate = new TaskCompletionSource();

        var first = coalescer.RunOnceAsync("k", async () => { await gate.Task; throw new IOException("down"); });
        var second = coalescer.RunOnceAsync("k", () => Task.FromResult(Entry("never")));
        gate.SetResult();

        await Assert.ThrowsAsync<IOException>(() => first);
        await Assert.ThrowsAsync<IOException>(() => second);
        Assert.False(coalescer.IsRunning("k"));
    }

    [Fact]
    public async Task Draining_waits_for_running_renders_but_not_longer_than_asked()
    {
        var coalescer = new RenderCoalescer();
        var never = new TaskCompletionSource<CacheEntry>();
        _ = coalescer.RunOnceAsync("stuck", () => never.Task);

        var drain = coalescer.DrainAsync(TimeSpan.FromMilliseconds(50));

        await drain.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(coalescer.IsRunning("stuck"));
    }
}
