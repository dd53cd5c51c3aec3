using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Caching;

public class DraftModeIdTests
{
    private static DraftModeId Id(bool development = false, string? secret = "a-draft-mode-secret-for-tests") =>
        new(new CacheOptions { DraftModeSecret = secret }, new CacheBuild("build-1"), development);

    private static HttpRequest Request(string? cookie)
    {
        var http = new DefaultHttpContext();
        if (cookie is not null) http.Request.Headers.Cookie = cookie;
        return http.Request;
    }

    [Fact]
    public void In_development_the_cookies_are_lax_and_not_secure_as_under_next_dev()
    {
        var id = Id(development: true);

        Assert.Equal($"__prerender_bypass={id.Value}; Path=/; HttpOnly; SameSite=lax", SetCookieHeader.Serialize(id.EnableCookie()));
        Assert.Equal(
            ["__prerender_bypass=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=lax", "__prerender_bypass_preview=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=lax"],
            id.DisableCookies().Select(SetCookieHeader.Serialize));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("theme=dark", false)]
    [InlineData("__prerender_bypass=", false)]
    [InlineData("__prerender_bypass=0123", false)]
    [InlineData("__prerender_bypass_preview={id}", false)]
    [InlineData("__prerender_bypass={id}", true)]
    [InlineData("theme=dark; __prerender_bypass={id}; a=1", true)]
    public void A_request_matches_only_with_the_id_in_its_own_cookie(string? cookie, bool matches)
    {
        var id = Id();

        Assert.Equal(matches, id.Matches(Request(cookie?.Replace("{id}", id.Value, StringComparison.Ordinal))));
    }

    [Fact]
    public void The_id_is_derived_from_the_secret_and_build_and_random_without_a_secret()
    {
        Assert.Equal(Id().Value, Id().Value);
        Assert.True(Id().IsShared);
        Assert.Matches("^[0-9a-f]{64}$", Id().Value);
        Assert.NotEqual(Id(secret: null).Value, Id(secret: null).Value);
        Assert.False(Id(secret: null).IsShared);
    }

    [Fact]
    public void The_unshared_warning_is_given_once()
    {
        var id = Id(secret: null);

        Assert.Equal([true, false, false], new[] { id.FirstWarning(), id.FirstWarning(), id.FirstWarning() });
    }
}
