using Microsoft.Extensions.Time.Testing;
using NextRouteHandlers.Cdn;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Cdn;

/// <summary>
/// The path index keeps what the edge may still hold: an instance records a path again while it keeps serving it, a
/// purge skips (and drops) records older than the edge keeps a response, and the index is pruned of them.
/// </summary>
public sealed class CdnPathIndexRetentionTests : IAsyncLifetime
{
    // 60 s of shared lifetime at most: records are written again every 30 s and kept 30 + 60 + 60 = 150 s.
    private const int MaxSharedAge = 60;
    private static readonly CdnPathRecords Records = new(MaxSharedAge);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private PurgerRig _rig = null!;
    private MemoryPurgeQueue _queue = null!;
    private MemoryCdnPathIndex _index = null!;
    private FrontDoorStandIn _frontDoor = null!;
    private CdnPurger _purger = null!;

    public async Task InitializeAsync()
    {
        _rig = await PurgerRig.StartAsync(_clock, MaxSharedAge, options =>
        {
            // Rounds run only when a test asks (the fake clock never reaches a sweep on its own).
            options.SweepInterval = TimeSpan.FromDays(1);
            options.MaxAttempts = 1;
        });
        (_queue, _index, _frontDoor, _purger) = (_rig.Queue, _rig.Index, _rig.FrontDoor, _rig.Purger);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public void The_periods_follow_the_edge_s_longest_lifetime()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Records.Refresh);
        Assert.Equal(TimeSpan.FromSeconds(150), Records.Retention);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CdnPathRecords(0));
    }

    [Fact]
    public async Task A_path_served_again_within_the_refresh_period_keeps_its_first_record()
    {
        var first = _clock.GetUtcNow();
        _purger.Served("/p", ["t"]);
        await RecordedAsync("/p", "t", first);

        _clock.Advance(Records.Refresh - TimeSpan.FromSeconds(1));
        _purger.Served("/p", ["t"]);
        await BarrierAsync();

        // Not written again: the record is still the first one.
        Assert.Equal(first, _index.RecordedAt("t", "/p"));
    }

    [Fact]
    public async Task A_path_served_again_after_the_refresh_period_is_recorded_again()
    {
        _purger.Served("/p", ["t"]);
        await RecordedAsync("/p", "t", _clock.GetUtcNow());

        _clock.Advance(Records.Refresh);
        var again = _clock.GetUtcNow();
        _purger.Served("/p", ["t"]);

        await RecordedAsync("/p", "t", again);
    }

    [Fact]
    public async Task A_purge_skips_and_drops_the_records_older_than_the_edge_keeps_a_response()
    {
        _purger.Served("/old", ["products"]);
        _purger.Served("/kept", ["products"]);
        await RecordedAsync("/kept", "products", _clock.GetUtcNow());
        _clock.Advance(Records.Refresh);
        _purger.Served("/kept", ["products"]);
        await RecordedAsync("/kept", "products", _clock.GetUtcNow());

        // /old was last recorded a retention period and more ago, /kept within it.
        _clock.Advance(Records.Retention - Records.Refresh + TimeSpan.FromSeconds(1));
        await _queue.AddAsync(PurgeJob.Create(["products"], [], _clock.GetUtcNow()), CancellationToken.None);
        await _purger.RoundAsync(CancellationToken.None);

        var call = Assert.Single(_frontDoor.Calls);
        Assert.Equal(["/kept"], call.ContentPaths);
        Assert.Equal(["/kept"], await _index.PathsAsync("products", DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task The_index_is_pruned_once_a_retention_period_has_passed_tags_never_invalidated_included()
    {
        _purger.Served("/a", ["never-invalidated"]);
        await RecordedAsync("/a", "never-invalidated", _clock.GetUtcNow());

        // Not yet due: the record stays, however old the cut-off would make it.
        _clock.Advance(Records.Retention - TimeSpan.FromSeconds(1));
        await _purger.PruneIfDueAsync(CancellationToken.None);
        Assert.Equal(["/a"], await _index.PathsAsync("never-invalidated", DateTimeOffset.MinValue, CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(2));
        await _purger.PruneIfDueAsync(CancellationToken.None);
        Assert.Empty(await _index.PathsAsync("never-invalidated", DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Pruning_keeps_the_records_written_since_the_cut_off()
    {
        var index = new MemoryCdnPathIndex(_clock);
        await index.RecordAsync("/early", ["t", "u"], CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var cutOff = _clock.GetUtcNow();
        await index.RecordAsync("/late", ["t"], CancellationToken.None);

        await index.PruneAsync(cutOff, CancellationToken.None);

        Assert.Equal(["/late"], await index.PathsAsync("t", DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Empty(await index.PathsAsync("u", DateTimeOffset.MinValue, CancellationToken.None));
    }

    /// <summary>
    /// Waits until the index holds a record of <paramref name="path"/> under <paramref name="tag"/> written at
    /// <paramref name="since"/> or later (read without the removal a listing does).
    /// </summary>
    private async Task RecordedAsync(string path, string tag, DateTimeOffset since)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!(_index.RecordedAt(tag, path) >= since))
        {
            Assert.True(DateTime.UtcNow < until, $"{path} was not recorded under {tag} at {since:O} or later.");
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until everything served so far has been written: the purger writes in the order it was told.</summary>
    private async Task BarrierAsync()
    {
        var barrier = "/barrier-" + Guid.NewGuid().ToString("N");
        _purger.Served(barrier, ["barrier"]);
        await RecordedAsync(barrier, "barrier", DateTimeOffset.MinValue);
    }
}
