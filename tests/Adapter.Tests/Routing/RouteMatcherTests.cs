using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Tests.Routing;

public class RouteMatcherTests
{
    private static readonly RouteHandlerTable NoHandlers = new();

    private static RouteMatcher<RouteDefinition> Matcher(params string[] patterns) =>
        new(patterns.Select(p => Routes.Define(p, NoHandlers)));

    [Theory]
    [InlineData("/blog/new", "/blog/new")]
    [InlineData("/blog/a", "/blog/[slug]")]
    [InlineData("/blog/a/b", "/blog/[...rest]")]
    [InlineData("/blog/a/comments", "/blog/[slug]/comments")]
    [InlineData("/en/about", "/[lang]/about")]
    [InlineData("/en", "/[lang]")]
    [InlineData("/en/x/y", "/[...all]")]
    [InlineData("/", "/")]
    [InlineData("/about", "/about")]
    [InlineData("/about/", "/about")]
    public void Picks_the_route_nextjs_would(string path, string expected)
    {
        var matcher = Matcher("/", "/about", "/blog/new", "/blog/[slug]", "/blog/[slug]/comments", "/blog/[...rest]", "/[lang]", "/[lang]/about", "/[...all]");

        var match = matcher.Match(path);

        Assert.Equal(RouteMatchStatus.Matched, match.Status);
        Assert.Equal(expected, match.Route!.Pattern);
    }

    [Fact]
    public void A_required_catch_all_does_not_match_its_parent() =>
        Assert.Equal(RouteMatchStatus.NotFound, Matcher("/blog/[...slug]").Match("/blog").Status);

    [Fact]
    public void An_absent_optional_catch_all_is_absent_from_params()
    {
        var match = Matcher("/docs/[[...slug]]").Match("/docs");

        Assert.Equal(RouteMatchStatus.Matched, match.Status);
        Assert.False(match.Params!.Has("slug"));
        Assert.Equal(0, match.Params.Count);
    }

    [Fact]
    public void An_optional_catch_all_at_the_root_matches_slash()
    {
        var matcher = Matcher("/[[...slug]]");

        Assert.False(matcher.Match("/").Params!.Has("slug"));
        Assert.Equal(["a", "b"], matcher.Match("/a/b").Params!.GetAll("slug"));
    }

    [Theory]
    [InlineData("/docs/a/b", new[] { "a", "b" })]
    [InlineData("/docs/a", new[] { "a" })]
    [InlineData("/docs/a%2Fb/c%20d", new[] { "a/b", "c d" })]
    [InlineData("/docs/%25", new[] { "%" })]
    public void Catch_all_values_are_decoded_per_segment(string path, string[] expected)
    {
        var match = Matcher("/docs/[...slug]").Match(path);

        Assert.Equal(expected, match.Params!.GetAll("slug"));
        Assert.Throws<InvalidOperationException>(() => match.Params!["slug"]);
    }

    [Theory]
    [InlineData("/items/a%20b", "a b")]
    [InlineData("/items/a%2Fb", "a/b")]
    [InlineData("/items/a+b", "a+b")]
    [InlineData("/items/caf%C3%A9", "café")]
    [InlineData("/items/Alpha", "Alpha")]
    public void Dynamic_values_use_decodeURIComponent(string path, string expected) =>
        Assert.Equal(expected, Matcher("/items/[id]").Match(path).Params!["id"]);

    [Theory]
    [InlineData("/items/%E0%A4%A")]
    [InlineData("/items/%zz")]
    [InlineData("/items/%")]
    [InlineData("/items/%C3%28")]
    public void Invalid_percent_encoding_is_reported_not_thrown(string path) =>
        Assert.Equal(RouteMatchStatus.InvalidEncoding, Matcher("/items/[id]").Match(path).Status);

    [Fact]
    public void Matching_is_case_sensitive() =>
        Assert.Equal(RouteMatchStatus.NotFound, Matcher("/items/[id]").Match("/Items/1").Status);

    [Fact]
    public void Static_and_dynamic_params_come_out_in_url_order()
    {
        var match = Matcher("/shop/[category]/[item]").Match("/shop/books/dune");

        Assert.Equal(["category", "item"], match.Params!.Select(p => p.Name));
        Assert.Equal("dune", match.Params!["item"]);
    }

    [Fact]
    public void Backtracks_from_a_dead_static_branch_to_a_dynamic_one()
    {
        var match = Matcher("/a/b/c", "/a/[x]/d").Match("/a/b/d");

        Assert.Equal("/a/[x]/d", match.Route!.Pattern);
        Assert.Equal("b", match.Params!["x"]);
    }

    [Theory]
    [InlineData(new[] { "/x/[id]", "/x/[slug]/y" }, "different slug names")]
    [InlineData(new[] { "/x/[...a]", "/x/[[...b]]" }, "required and an optional catch-all")]
    [InlineData(new[] { "/docs", "/docs/[[...s]]" }, "same specificity")]
    [InlineData(new[] { "/a", "/a" }, "Conflicting routes")]
    public void A_hand_built_manifest_with_conflicts_is_refused(string[] patterns, string message)
    {
        var exception = Assert.Throws<RouteConflictException>(() => Matcher(patterns));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
