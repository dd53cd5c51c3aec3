using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Tests.Urls;

public class PathNormalizerTests
{
    [Theory]
    [InlineData("/api//x", "?q=1", "/api/x?q=1")]
    [InlineData("//api///x", "", "/api/x")]
    [InlineData("/api\\x", "", "/api/x")]
    [InlineData("/items//alpha/", "", "/items/alpha/")]
    public void Repeated_slashes_and_backslashes_redirect_to_the_collapsed_path(string path, string query, string location) =>
        Assert.Equal(location, PathNormalizer.Normalize(path, query).RedirectTo);

    [Theory]
    [InlineData("/api/x/", "", "/api/x")]
    [InlineData("/api/x/", "?q=1", "/api/x?q=1")]
    [InlineData("/bp/", "", "/bp")]
    public void Default_config_redirects_a_trailing_slash_away(string path, string query, string location) =>
        Assert.Equal(location, PathNormalizer.TrailingSlashRedirect(path, query, trailingSlash: false));

    [Theory]
    [InlineData("/")]
    [InlineData("/api/x")]
    [InlineData("/feed.xml")]
    public void Clean_paths_pass_unchanged(string path)
    {
        var result = PathNormalizer.Normalize(path, string.Empty);

        Assert.Null(result.RedirectTo);
        Assert.Equal(path, result.Path);
        Assert.Null(PathNormalizer.TrailingSlashRedirect(path, string.Empty, trailingSlash: false));
    }

    [Theory]
    [InlineData("/api/x", "/api/x/")]
    [InlineData("/data.json/", "/data.json")]
    public void Trailing_slash_true_adds_slashes_except_to_files(string path, string location) =>
        Assert.Equal(location, PathNormalizer.TrailingSlashRedirect(path, string.Empty, trailingSlash: true));

    [Theory]
    [InlineData("/api/x/")]
    [InlineData("/data.json")]
    [InlineData("/.well-known/x")]
    [InlineData("/.well-known/x/")]
    public void Trailing_slash_true_leaves_these_alone(string path) =>
        Assert.Null(PathNormalizer.TrailingSlashRedirect(path, string.Empty, trailingSlash: true));

    [Theory]
    [InlineData("/a/../b", "/b")]
    [InlineData("/a/./b", "/a/b")]
    [InlineData("/../../etc/passwd", "/etc/passwd")]
    [InlineData("/a/%2e%2e/b", "/b")]
    [InlineData("/a/.%2E/b", "/b")]
    [InlineData("/a/%2E/b", "/a/b")]
    [InlineData("/a/..", "/")]
    [InlineData("/a/b..c", "/a/b..c")]
    public void Dot_segments_resolve_and_never_climb_above_the_root(string path, string expected) =>
        Assert.Equal(expected, PathNormalizer.RemoveDotSegments(path));
}
