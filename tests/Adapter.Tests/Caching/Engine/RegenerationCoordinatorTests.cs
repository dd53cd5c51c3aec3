using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Tests.Caching.Engine;

/// <summary>Waiting for another instance's render, driven by a fake clock: no real sleeps, no time-outs to race.</summary>
public class RegenerationCoordinatorTests
{
    private static readonly CacheOptions Options = new() { RegenerationPollInterval = TimeSpan.FromMilliseconds(100), RegenerationWaitLimit = TimeSpan.FromSeconds(1) };

    private static CacheEntry Entry() => new() { Status = 200, Headers = [], Body = Encoding.UTF8.GetBytes("theirs"), LastModified = DateTimeOffset.UnixEpoch, Tags = [] };

    [Fact]
    public async Task The_other_instances_entry_is_taken_once_it_appears_at_a_poll()
    {
        var clock = new FakeTimeProvider();
        var coordinator = new RegenerationCoordinator(new HeldLock(), Options, clock, new CacheMetrics(), NullLogger.Instance);
        CacheEntry? stored = null;

        var polls = 0;
        var wait = coordinator.WaitForOtherInstanceAsync("k", () => Task.FromResult(Interlocked.Increment(ref polls) >= 2 ? stored : null), CancellationToken.None);
        stored = Entry();
        await TickUntilAsync(clock, wait);

        var (entry, handle) = await wait;
        Assert.Same(stored, entry);
        Assert.Null(handle);
        Assert.Equal(2, polls);
    }

    [Fact]
    public async Task The_lock_is_taken_once_the_other_instance_lets_go()
    {
        var clock = new FakeTimeProvider();
        var locks = new HeldLock();
        var coordinator = new RegenerationCoordinator(locks, Options, clock, new CacheMetrics(), NullLogger.Instance);

        var wait = coordinator.WaitForOtherInstanceAsync("k", () => Task.FromResult<CacheEntry?>(null), CancellationToken.None);
        locks.Release();
        await TickUntilAsync(clock, wait);

        var (entry, handle) = await wait;
        Assert.Null(entry);
        Assert.NotNull(handle);
    }

    [Fact]
    public async Task After_the_wait_limit_it_gives_up_with_neither()
    {
        var clock = new FakeTimeProvider();
        var coordinator = new RegenerationCoordinator(new HeldLock(), Options, clock, new CacheMetrics(), NullLogger.Instance);

        var started = clock.GetUtcNow();
        var wait = coordinator.WaitForOtherInstanceAsync("k", () => Task.FromResult<CacheEntry?>(null), CancellationToken.None);
        await TickUntilAsync(clock, wait);

        Assert.Equal((null, null), await wait);
        Assert.True(clock.GetUtcNow() - started >= Options.RegenerationWaitLimit, $"It gave up after {clock.GetUtcNow() - started} of fake time.");
    }

    [Fact]
    public async Task A_failing_lock_service_lets_this_instance_render_without_it()
    {
        var coordinator = new RegenerationCoordinator(new BrokenLock(), Options, new FakeTimeProvider(), new CacheMetrics(), NullLogger.Instance);

        Assert.IsType<RegenerationCoordinator.NoLock>(await coordinator.TryLockAsync("k"));
    }

    /// <summary>
    /// Moves the fake clock one poll interval at a time until <paramref name="wait"/> ends: a tick that comes before the
    /// next poll's timer is armed moves time without firing anything, so the loop just ticks again.
    /// </summary>
    private static async Task TickUntilAsync(FakeTimeProvider clock, Task wait)
    {
        for (var i = 0; i < 1000 && !wait.IsCompleted; i++)
        {
            clock.Advance(Options.RegenerationPollInterval);
            await Task.WhenAny(wait, Task.Delay(5));
        }

        Assert.True(wait.IsCompleted, "The wait did not end.");
    }

    /// <summary>A lock another instance holds until released.</summary>
    private sealed class HeldLock : IRegenerationLock
    {
        private volatile bool _held = true;

        public void Release() => _held = false;

        public ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IAsyncDisposable?>(_held ? null : RegenerationCoordinator.NoLock.Instance);
    }

    private sealed class BrokenLock : IRegenerationLock
    {
        public ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken) => throw new IOException("lock service down");
    }
}
