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

        var wait = coordinator.WaitForOtherInstanceAsync("k", () => Task.FromResult(stored), CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await Task.Yield();
        Assert.False(wait.IsCompleted);
        stored = Entry();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        var (entry, handle) = await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(stored, entry);
        Assert.Null(handle);
    }

    [Fact]
    public async Task The_lock_is_taken_once_the_other_instance_lets_go()
    {
        var clock = new FakeTimeProvider();
        var locks = new HeldLock();
        var coordinator = new RegenerationCoordinator(locks, Options, clock, new CacheMetrics(), NullLogger.Instance);

        var wait = coordinator.WaitForOtherInstanceAsync("k", () => Task.FromResult<CacheEntry?>(null), CancellationToken.None);
        locks.Release();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        var (entry, handle) = await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(entry);
        Assert.NotNull(handle);
    }

    [Fact]
    public async Task After_the_wait_limit_it_gives_up_with_neither()
    {
        var clock = new FakeTimeProvider();
        var coordinator = new RegenerationCoordinator(new HeldLock(), Options, clock, new CacheMetrics(), NullLogger.Instance);

        var wait = coordinator.WaitForOtherInstanceAsync("k", () => Task.FromResult<CacheEntry?>(null), CancellationToken.None);
        for (var i = 0; i < 12 && !wait.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }

        Assert.Equal((null, null), await wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_failing_lock_service_lets_this_instance_render_without_it()
    {
        var coordinator = new RegenerationCoordinator(new BrokenLock(), Options, new FakeTimeProvider(), new CacheMetrics(), NullLogger.Instance);

        Assert.IsType<RegenerationCoordinator.NoLock>(await coordinator.TryLockAsync("k"));
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
