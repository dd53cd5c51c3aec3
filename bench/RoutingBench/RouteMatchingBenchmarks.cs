using BenchmarkDotNet.Attributes;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace RoutingBench;

/// <summary>
/// Cost of one route lookup as the app grows from 10 to 10,000 route files. Every app has the same four probe
/// routes plus generated filler routes shaped like a real tree (static, [id] and catch-all leaves under many
/// sections); the probes are looked up in each size, so the numbers compare like with like.
/// </summary>
[MemoryDiagnoser]
public class RouteMatchingBenchmarks
{
    private RouteMatcher<RouteDefinition> _matcher = null!;

    /// <summary>How many route files the app has.</summary>
    [Params(10, 1_000, 10_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var handlers = new RouteHandlerTable();
        var patterns = new List<string> { "/api/hello", "/api/items/[slug]", "/docs/[...path]", "/shop/[category]/[item]" };
        for (var i = 0; patterns.Count < Routes; i++)
        {
            patterns.Add($"/section{i}/page");
            if (patterns.Count < Routes) patterns.Add($"/section{i}/items/[id]");
            if (patterns.Count < Routes) patterns.Add($"/section{i}/files/[...path]");
        }

        _matcher = new RouteMatcher<RouteDefinition>(patterns.Select(p => new RouteDefinition(p, p + "/route", "app" + p + "/route.cs", handlers)));
    }

    [Benchmark(Baseline = true)]
    public bool Static() => _matcher.Match("/api/hello").Route is not null;

    [Benchmark]
    public bool Dynamic() => _matcher.Match("/api/items/caf%C3%A9").Route is not null;

    [Benchmark]
    public bool CatchAll() => _matcher.Match("/docs/guide/routing/dynamic-segments").Route is not null;

    [Benchmark]
    public bool TwoParams() => _matcher.Match("/shop/books/dune").Route is not null;

    [Benchmark]
    public bool NotFound() => _matcher.Match("/no/such/route/here").Route is not null;
}
