using Microsoft.Extensions.Time.Testing;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Tests.Caching.Engine;

public class RenderFailureBackoffTests
{
    [Fact]
    public void A_key_that_never_failed_may_be_regenerated()
    {
        var backoff = new RenderFailureBackoff(TimeSpan.FromSeconds(10), new FakeTimeProvider());

        Assert.True(backoff.MayRetry("/a"));
    }

    [Fact]
    public void After_a_failure_the_key_waits_the_retry_interval_and_other_keys_do_not()
    {
        var clock = new FakeTimeProvider();
        var backoff = new RenderFailureBackoff(TimeSpan.FromSeconds(10), clock);

        backoff.Failed("/a");
        clock.Advance(TimeSpan.FromSeconds(9));

        Assert.False(backoff.MayRetry("/a"));
        Assert.True(backoff.MayRetry("/b"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(backoff.MayRetry("/a"));
    }

    [Fact]
    public void A_success_clears_the_wait()
    {
        var backoff = new RenderFailureBackoff(TimeSpan.FromSeconds(10), new FakeTimeProvider());

        backoff.Failed("/a");
        backoff.Succeeded("/a");

        Assert.True(backoff.MayRetry("/a"));
    }
}
