using System.Diagnostics.Metrics;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

using NextRouteHandlers.Tests.Caching;

namespace NextRouteHandlers.Tests.Caching.Engine;

/// <summary>Under concurrent load with revalidations, a cached route renders exactly as often as it must.</summary>
public sealed class ResponseCacheRegenerationTests
{
    [Fact]
    public async Task Each_revalidation_followed_by_a_burst_renders_exactly_once()
    {
        var renders = 0;
        long metered = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CacheMetrics.MeterName && instrument.Name == "nextroutehandlers.cache.regenerations") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref metered, value));
        listener.Start();

        await using var app = await LoopbackApp.StartAsync([
            Routes.Define("/tagged", new RouteHandlerTable
            {
                Get = Routes.HandlerAsync(async _ =>
                {
                    Next.CacheTag("load");
                    await Task.Delay(50);
                    return (Response?)new Response("render " + Interlocked.Increment(ref renders));
                }),
            }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }),
            Routes.Define("/revalidate", new RouteHandlerTable
            {
                Post = Routes.Handler(_ =>
                {
                    Next.RevalidateTag("load", CacheLife.Now);
                    return new Response("ok");
                }),
            }),
        ]);

        const int Rounds = 5;
        for (var round = 0; round < Rounds; round++)
        {
            using (var revalidate = await app.Client.PostAsync("/revalidate", null)) revalidate.EnsureSuccessStatusCode();
            var bodies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => app.Client.GetStringAsync("/tagged")));
            Assert.Single(bodies.Distinct());
        }

        // One render at startup (the prerender), then one per round.
        Assert.Equal(1 + Rounds, renders);
        Assert.True(Interlocked.Read(ref metered) >= 1 + Rounds, $"the meter counted {metered} regenerations");
    }
}
