using NextRouteHandlers.Cdn;

namespace NextRouteHandlers.Tests.Cdn;

public class PurgeTargetsTests
{
    [Theory]
    [InlineData("_N_T_/blog/a", "", new[] { "/blog/a" })]
    [InlineData("_N_T_/blog/a", "/docs", new[] { "/docs/blog/a" })]
    [InlineData("_N_T_/", "", new[] { "/" })]
    [InlineData("_N_T_/index", "/docs", new[] { "/docs" })]
    [InlineData("_N_T_/caf\u00e9 menu", "", new[] { "/caf%C3%A9%20menu" })]
    public void A_paths_own_tag_is_that_path_encoded_as_a_url(string tag, string basePath, string[] expected)
    {
        Assert.Equal(expected, PurgeTargets.Of(tag, basePath));
    }

    [Theory]
    [InlineData("_N_T_/layout", "", new[] { "/*" })]
    [InlineData("_N_T_/layout", "/docs", new[] { "/docs", "/docs/*" })]
    [InlineData("_N_T_/blog/layout", "", new[] { "/blog", "/blog/*" })]
    [InlineData("_N_T_/(marketing)/blog/layout", "", new[] { "/blog", "/blog/*" })]
    [InlineData("_N_T_/(marketing)/layout", "", new[] { "/*" })]
    public void A_layout_tag_of_a_static_folder_is_the_folder_and_everything_below(string tag, string basePath, string[] expected)
    {
        Assert.Equal(expected, PurgeTargets.Of(tag, basePath));
    }

    [Theory]
    [InlineData("_N_T_/items/[id]/layout")]
    [InlineData("_N_T_/items/[id]/route")]
    [InlineData("_N_T_/api/hello/route")]
    [InlineData("_N_T_/blog/[slug]/page")]
    [InlineData("products")]
    [InlineData("_N_T_")]
    public void Tags_that_name_patterns_or_are_the_apps_own_need_the_index(string tag)
    {
        Assert.Empty(PurgeTargets.Of(tag, string.Empty));
    }
}
