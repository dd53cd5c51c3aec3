using System.Net;
using NextRouteHandlers.Cdn;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Cdn;

/// <summary>The purger of one instance over the memory queue and index, sending to a local Front Door stand-in.</summary>
public sealed class CdnPurgerTests : IAsyncLifetime
{
    private PurgerRig _rig = null!;
    private MemoryPurgeQueue _queue = null!;
    private MemoryCdnPathIndex _index = null!;
    private LogSink _logs = null!;
    private FrontDoorStandIn _frontDoor = null!;
    private CdnPurger _purger = null!;

    public async Task InitializeAsync()
    {
        _rig = await PurgerRig.StartAsync(TimeProvider.System, maxSharedAge: 300, options =>
        {
            options.BatchDelay = TimeSpan.FromMilliseconds(100);
            // Rounds run when a purge is queued; no sweep comes during a test.
            options.SweepInterval = TimeSpan.FromHours(1);
            options.MaxAttempts = 2;
        });
        (_queue, _index, _logs, _frontDoor, _purger) = (_rig.Queue, _rig.Index, _rig.Logs, _rig.FrontDoor, _rig.Purger);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_tag_is_purged_at_the_paths_served_with_it_and_those_its_name_gives()
    {
        await _index.RecordAsync("/products/1", ["products", "_N_T_/products/1"], CancellationToken.None);
        await _index.RecordAsync("/products/2", ["products", "_N_T_/products/2"], CancellationToken.None);
        await _index.RecordAsync("/about", ["_N_T_/about"], CancellationToken.None);

        _purger.Invalidated(["products", "_N_T_/news"], []);

        var call = Assert.Single(await _frontDoor.WaitForCallsAsync(1));
        Assert.Equal(["/news", "/products/1", "/products/2"], call.ContentPaths);
        await WaitUntilAsync(async () => (await _queue.PendingAsync(CancellationToken.None)).Count == 0);
    }

    [Fact]
    public async Task Revalidations_close_together_go_out_as_one_request()
    {
        _purger.Invalidated(["_N_T_/a"], []);
        _purger.Invalidated(["_N_T_/b"], []);
        _purger.Invalidated([], ["/c"]);

        var call = Assert.Single(await _frontDoor.WaitForCallsAsync(1));
        Assert.Equal(["/a", "/b", "/c"], call.ContentPaths);
        await WaitUntilAsync(async () => (await _queue.PendingAsync(CancellationToken.None)).Count == 0);
        Assert.Single(_frontDoor.Calls);
    }

    [Fact]
    public async Task Queueing_a_purge_returns_at_once_while_front_door_is_slow()
    {
        var release = new TaskCompletionSource();
        _frontDoor.ThenHold(release.Task);

        _purger.Invalidated(["_N_T_/slow"], []);

        // The caller (a request that revalidated) is long gone when the purge is still in flight.
        await _frontDoor.WaitForCallsAsync(1);
        Assert.NotEmpty(await _queue.PendingAsync(CancellationToken.None));
        release.SetResult();
        await WaitUntilAsync(async () => (await _queue.PendingAsync(CancellationToken.None)).Count == 0);
    }

    [Fact]
    public async Task A_purge_front_door_could_not_take_stays_queued_and_goes_out_in_the_next_round()
    {
        _frontDoor.ThenAnswer(HttpStatusCode.ServiceUnavailable);
        _frontDoor.ThenAnswer(HttpStatusCode.ServiceUnavailable);

        _purger.Invalidated(["_N_T_/later"], []);

        await _frontDoor.WaitForCallsAsync(2);
        await WaitUntilAsync(async () => (await _queue.PendingAsync(CancellationToken.None)).SingleOrDefault()?.Rounds == 1);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == EventIds.PurgeDeferred);

        await _purger.RoundAsync(CancellationToken.None);

        Assert.Equal(3, _frontDoor.Calls.Count);
        Assert.Equal(["/later"], _frontDoor.Calls[2].ContentPaths);
        Assert.Empty(await _queue.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_purge_that_keeps_failing_is_dropped_after_the_last_round_and_said_so()
    {
        await _queue.AddAsync(new PurgeJob("0-old", ["_N_T_/gone"], [], DateTimeOffset.UtcNow, CdnPurger.MaxRounds - 1), CancellationToken.None);
        _frontDoor.ThenAnswer(HttpStatusCode.BadGateway);
        _frontDoor.ThenAnswer(HttpStatusCode.BadGateway);

        await _purger.RoundAsync(CancellationToken.None);

        Assert.Empty(await _queue.PendingAsync(CancellationToken.None));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == EventIds.PurgeDropped && e.Message.Contains("_N_T_/gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_purge_is_not_tried_again_and_is_logged_as_an_error()
    {
        _frontDoor.ThenAnswer(HttpStatusCode.Forbidden, body: "AuthorizationFailed");
        await _queue.AddAsync(PurgeJob.Create(["_N_T_/x"], [], DateTimeOffset.UtcNow), CancellationToken.None);

        await _purger.RoundAsync(CancellationToken.None);

        Assert.Single(_frontDoor.Calls);
        Assert.Empty(await _queue.PendingAsync(CancellationToken.None));
        Assert.Contains(_logs.Errors, e => e.EventId.Id == EventIds.PurgeRejected && e.Message.Contains("AuthorizationFailed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_served_path_is_recorded_once_per_tag_set()
    {
        _purger.Served("/p", ["t1"]);
        _purger.Served("/p", ["t1"]);
        _purger.Served("/p", ["t1", "t2"]);

        await WaitUntilAsync(async () => (await _index.PathsAsync("t2", DateTimeOffset.MinValue, CancellationToken.None)).Count == 1);
        Assert.Equal(["/p"], await _index.PathsAsync("t1", DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_is_sent_when_there_is_nothing_to_purge()
    {
        await _queue.AddAsync(PurgeJob.Create(["a-tag-no-path-was-served-with"], [], DateTimeOffset.UtcNow), CancellationToken.None);

        await _purger.RoundAsync(CancellationToken.None);

        Assert.Empty(_frontDoor.Calls);
        Assert.Empty(await _queue.PendingAsync(CancellationToken.None));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not come true.");
            await Task.Delay(10);
        }
    }
}
