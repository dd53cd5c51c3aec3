using NextRouteHandlers.Caching;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Tests.Caching;

public class CachePolicyTests
{
    private static readonly RouteHandler Any = Routes.Handler(_ => new NextRouteHandlers.Http.Response("x"));

    public static TheoryData<RouteHandlerTable, RouteSegmentConfig, bool> Routes_and_whether_they_are_cached() => new()
    {
        { new RouteHandlerTable { Get = Any }, new RouteSegmentConfig(), false },
        { new RouteHandlerTable { Get = Any }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }, true },
        { new RouteHandlerTable { Get = Any }, new RouteSegmentConfig { Dynamic = DynamicMode.Error }, true },
        { new RouteHandlerTable { Get = Any }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(60) }, true },
        { new RouteHandlerTable { Get = Any }, new RouteSegmentConfig { Revalidate = RevalidateSetting.Never }, true },
        { new RouteHandlerTable { Get = Any }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(0) }, false },
        { new RouteHandlerTable { Get = Any }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceDynamic, Revalidate = RevalidateSetting.After(60) }, false },
        { new RouteHandlerTable { Get = Any, Post = Any }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }, true },
        { new RouteHandlerTable { Get = Any, Put = Any, Patch = Any, Delete = Any }, new RouteSegmentConfig { Revalidate = RevalidateSetting.Never }, true },
        { new RouteHandlerTable { Get = Any, Options = Any }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(5) }, true },
        { new RouteHandlerTable { Get = Any, Post = Any }, new RouteSegmentConfig(), false },
        { new RouteHandlerTable { Get = Any, Head = Any }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }, true },
        { new RouteHandlerTable { Post = Any }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceStatic }, false },
    };

    [Theory]
    [MemberData(nameof(Routes_and_whether_they_are_cached))]
    public void Only_opted_in_gets_are_cached_whatever_else_the_file_exports(RouteHandlerTable handlers, RouteSegmentConfig config, bool cached) =>
        Assert.Equal(cached, CachePolicy.IsCacheable(Routes.Define("/x", handlers, config)));

    [Fact]
    public void Metadata_routes_are_cached_by_default() =>
        Assert.True(CachePolicy.IsCacheable(Routes.Define("/robots.txt", new RouteHandlerTable { Get = Any }) with { Kind = RouteKind.Metadata }));

    [Theory]
    [InlineData("/robots.txt", true)]
    [InlineData("/robots", true)]
    [InlineData("/manifest.webmanifest", true)]
    [InlineData("/manifest.json", true)]
    [InlineData("/favicon.ico", true)]
    [InlineData("/sitemap.xml", true)]
    [InlineData("/blog/sitemap.xml", true)]
    [InlineData("/icon", true)]
    [InlineData("/icon1.svg", true)]
    [InlineData("/apple-icon.jpg", true)]
    [InlineData("/blog/[slug]/opengraph-image", true)]
    [InlineData("/twitter-image2.gif", true)]
    [InlineData("/blog/robots.txt", false)]
    [InlineData("/favicon.png", false)]
    [InlineData("/robots-old", false)]
    [InlineData("/manifesto", false)]
    [InlineData("/iconography", false)]
    [InlineData("/icon.webp", false)]
    [InlineData("/apple-icon.svg", false)]
    [InlineData("/api/sitemap-stats", false)]
    [InlineData("/", false)]
    [InlineData("/r/1/items/[id]", false)]
    [InlineData("/docs/[[...path]]", false)]
    public void A_route_handler_at_a_metadata_file_url_is_cached_by_default(string pattern, bool cached) =>
        Assert.Equal(cached, CachePolicy.IsCacheable(Routes.Define(pattern, new RouteHandlerTable { Get = Any })));

    [Fact]
    public void A_route_handler_at_a_metadata_file_url_follows_the_other_rules() =>
        Assert.False(CachePolicy.IsCacheable(Routes.Define("/robots.txt", new RouteHandlerTable { Get = Any }, new RouteSegmentConfig { Dynamic = DynamicMode.ForceDynamic })));

    [Theory]
    [InlineData(null, null, "s-maxage=31536000")]
    [InlineData(60, 31536000, "s-maxage=60, stale-while-revalidate=31535940")]
    [InlineData(5, 31536000, "s-maxage=5, stale-while-revalidate=31535995")]
    [InlineData(60, 60, "s-maxage=60")]
    public void Cache_control_follows_the_nextjs_formula(int? revalidate, int? expire, string expected) =>
        Assert.Equal(expected, CachePolicy.CacheControl(new CacheEntry { Status = 200, Headers = [], Body = [], LastModified = DateTimeOffset.UnixEpoch, Revalidate = revalidate, Expire = expire }));

    [Fact]
    public void Implicit_tags_match_the_spec_example() =>
        Assert.Equal(
            ["_N_T_/layout", "_N_T_/api/layout", "_N_T_/api/items/layout", "_N_T_/api/items/[id]/layout", "_N_T_/api/items/[id]/route", "_N_T_/api/items/5"],
            ImplicitTags.For("/api/items/[id]/route", "/api/items/5"));

    [Theory]
    [InlineData("/api/items/5", null, new[] { "_N_T_/api/items/5" })]
    [InlineData("/api/items/5/", null, new[] { "_N_T_/api/items/5" })]
    [InlineData("/api/items/[id]", "layout", new[] { "_N_T_/api/items/[id]/layout" })]
    [InlineData("/api/items/[id]", "page", new[] { "_N_T_/api/items/[id]/page" })]
    [InlineData("/", "layout", new[] { "_N_T_/layout" })]
    [InlineData("/", null, new[] { "_N_T_/", "_N_T_/index" })]
    public void Revalidate_path_targets_the_tags_nextjs_would(string path, string? type, string[] expected) =>
        Assert.Equal(expected, ImplicitTags.ForRevalidatePath(path, type));

    [Fact]
    public void A_page_type_revalidation_does_not_reach_a_route_handler()
    {
        var tags = ImplicitTags.For("/api/items/[id]/route", "/api/items/5");

        Assert.DoesNotContain(ImplicitTags.ForRevalidatePath("/api/items/[id]", "page")[0], tags);
        Assert.Contains(ImplicitTags.ForRevalidatePath("/api/items/[id]", "layout")[0], tags);
    }

    [Fact]
    public void Paths_of_generated_params_are_encoded_per_segment()
    {
        var route = Routes.Define("/docs/[...slug]", new RouteHandlerTable { Get = Any });

        Assert.Equal("/docs/a%20b/c", CachePolicy.PathFor(route, new Dictionary<string, object> { ["slug"] = new[] { "a b", "c" } }));
        Assert.Throws<InvalidOperationException>(() => CachePolicy.PathFor(route, new Dictionary<string, object>()));
    }
}
