namespace BenchApp.App.Bench.Stats;

/// <summary><c>GET /bench/stats</c>: the cache counters the benchmark driver reads before and after a load (dynamic, never cached).</summary>
internal static class StatsRoute
{
    public static Response GET(CacheStatsListener stats) => stats.Started
        ? Response.Json(stats.Snapshot(), BenchJson.Default.CacheStats)
        : new Response("the cache counters are off: start the app with BENCH_CACHE_STATS=1", new ResponseInit { Status = 409 });
}
