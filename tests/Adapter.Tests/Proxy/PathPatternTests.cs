using NextRouteHandlers.Proxy;

namespace NextRouteHandlers.Tests.Proxy;

/// <summary>The path-to-regexp subset of proxy matchers and next.config sources, and the patterns it rejects.</summary>
public class PathPatternTests
{
    [Theory]
    [InlineData("/api/:path*", "/api", true)]
    [InlineData("/api/:path*", "/api/", true)]
    [InlineData("/api/:path*", "/api/a", true)]
    [InlineData("/api/:path*", "/api/a/b", true)]
    [InlineData("/api/:path*", "/apix", false)]
    [InlineData("/api/:path*", "/about", false)]
    [InlineData("/api/:path+", "/api", false)]
    [InlineData("/api/:path+", "/api/a/b", true)]
    [InlineData("/items/:id", "/items/1", true)]
    [InlineData("/items/:id", "/items", false)]
    [InlineData("/items/:id", "/items/1/2", false)]
    [InlineData("/items/:id?", "/items", true)]
    [InlineData("/items/:id?", "/items/1", true)]
    [InlineData("/items/:id?", "/items/1/2", false)]
    [InlineData("/items/:id(\\d+)", "/items/42", true)]
    [InlineData("/items/:id(\\d+)", "/items/abc", false)]
    [InlineData("/about", "/about", true)]
    [InlineData("/about", "/about/team", false)]
    [InlineData("/((?!api|_next).*)", "/", true)]
    [InlineData("/((?!api|_next).*)", "/about/team", true)]
    [InlineData("/((?!api|_next).*)", "/api/x", false)]
    [InlineData("/files{/:name}?", "/files", true)]
    [InlineData("/files{/:name}?", "/files/a", true)]
    [InlineData("/a\\:b", "/a:b", true)]
    [InlineData("/a\\:b", "/a/x", false)]
    public void Proxy_matchers_match_whole_paths(string pattern, string path, bool matches) =>
        Assert.Equal(matches, PathPattern.ForProxyMatcher(pattern).Match(path) is not null);

    [Fact]
    public void Proxy_matchers_are_case_sensitive_and_config_sources_are_not()
    {
        Assert.Null(PathPattern.ForProxyMatcher("/api/:path*").Match("/API/x"));
        Assert.NotNull(PathPattern.ForConfigSource("/old-path").Match("/Old-Path"));
        Assert.Null(PathPattern.ForConfigSource("/old-path", caseSensitive: true).Match("/Old-Path"));
    }

    [Fact]
    public void Config_sources_do_not_accept_a_trailing_slash_that_the_pattern_lacks()
    {
        Assert.NotNull(PathPattern.ForProxyMatcher("/old").Match("/old/"));
        Assert.Null(PathPattern.ForConfigSource("/old").Match("/old/"));
    }

    [Fact]
    public void Match_reports_named_parameters_as_raw_text()
    {
        var single = PathPattern.ForConfigSource("/old-temp/:slug").Match("/old-temp/a%20b");
        var rest = PathPattern.ForConfigSource("/docs/:path*").Match("/docs/a/b");
        var file = PathPattern.ForConfigSource("/:file.:ext").Match("/report.pdf");

        Assert.Equal("a%20b", single!["slug"]);
        Assert.Equal("a/b", rest!["path"]);
        Assert.Equal(("report", "pdf"), (file!["file"], file["ext"]));
    }

    [Fact]
    public void Absent_optional_parameters_and_unnamed_groups_are_not_reported()
    {
        var absent = PathPattern.ForConfigSource("/docs/:path*").Match("/docs");
        var unnamed = PathPattern.ForConfigSource("/(\\d+)/:name").Match("/12/x");

        Assert.Empty(absent!);
        Assert.Equal(["name"], unnamed!.Keys);
        Assert.Equal(["name"], PathPattern.ForConfigSource("/(\\d+)/:name").ParameterNames);
    }

    [Theory]
    [InlineData("api", "It must start with '/'.")]
    [InlineData("", "It must start with '/'.")]
    [InlineData("/api/:", "Missing parameter name at 5")]
    [InlineData("/a/(", "Unbalanced pattern at 3")]
    [InlineData("/a/()", "Missing pattern at 3")]
    [InlineData("/a/((x))", "Capturing groups are not allowed at 4")]
    [InlineData("/a/(?x)", "Pattern cannot start with \"?\" at 4")]
    [InlineData("/a*", "Unexpected MODIFIER at 2, expected END")]
    [InlineData("/a/{b", "Unexpected END at 5, expected CLOSE")]
    [InlineData("/a/}", "Unexpected CLOSE at 3, expected END")]
    [InlineData("/a\\", "Nothing to escape at 2")]
    public void Malformed_patterns_are_rejected_with_path_to_regexp_messages(string pattern, string message)
    {
        var proxy = Assert.Throws<PathPatternException>(() => PathPattern.ForProxyMatcher(pattern));
        var config = Assert.Throws<PathPatternException>(() => PathPattern.ForConfigSource(pattern));

        Assert.Equal(message, proxy.Message);
        Assert.Equal(message, config.Message);
    }

    [Fact]
    public void A_group_that_is_not_a_valid_regular_expression_is_rejected()
    {
        var exception = Assert.Throws<PathPatternException>(() => PathPattern.ForProxyMatcher("/a/([)"));

        Assert.StartsWith("Invalid regular expression: ", exception.Message, StringComparison.Ordinal);
    }
}
