using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Tests.Routing;

public class RoutePrecedenceTests
{
    [Fact]
    public void Sorts_routes_exactly_as_nextjs_sorted_routes_does()
    {
        string[] expected = ["/", "/about", "/blog", "/blog/[slug]", "/blog/[slug]/comments", "/blog/[...rest]", "/[lang]", "/[lang]/about", "/[...all]"];
        string[] shuffled = ["/[...all]", "/blog/[slug]/comments", "/about", "/[lang]/about", "/", "/blog/[...rest]", "/[lang]", "/blog", "/blog/[slug]"];

        var sorted = shuffled.Select(p => (Pattern: p, Segments: (IReadOnlyList<RouteSegment>)SegmentParser.ParsePattern(p)))
            .OrderBy(p => p.Segments, RoutePrecedence.Instance)
            .Select(p => p.Pattern);

        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void Static_children_sort_ordinally_and_optional_catch_all_comes_last()
    {
        string[] expected = ["/B", "/a", "/a/[x]", "/a/[...y]", "/[[...z]]"];

        var sorted = expected.Reverse().OrderBy(p => (IReadOnlyList<RouteSegment>)SegmentParser.ParsePattern(p), RoutePrecedence.Instance);

        Assert.Equal(expected, sorted);
    }
}
