using Microsoft.Extensions.Primitives;
using NextRouteHandlers.Cdn;

namespace NextRouteHandlers.Tests.Cdn;

public class CdnCacheControlTests
{
    private const int Cap = 300;

    private static string For(string? cacheControl, string? vary = null, bool setsCookie = false) =>
        CdnCacheControl.For(cacheControl is null ? StringValues.Empty : new StringValues(cacheControl), vary is null ? StringValues.Empty : new StringValues(vary), setsCookie, Cap);

    [Fact]
    public void A_response_without_cache_control_is_never_left_to_the_edge_default()
    {
        // Front Door keeps a response without Cache-Control for one to three days.
        Assert.Equal("private, no-store", For(null));
    }

    [Theory]
    [InlineData("s-maxage=31536000", "s-maxage=300")]
    [InlineData("s-maxage=60, stale-while-revalidate=31535940", "s-maxage=60, stale-while-revalidate=31535940")]
    [InlineData("s-maxage=3600, stale-while-revalidate", "s-maxage=300, stale-while-revalidate")]
    [InlineData("public, max-age=86400", "public, max-age=86400, s-maxage=300")]
    [InlineData("public, max-age=60", "public, max-age=60")]
    [InlineData("public", "public, s-maxage=300")]
    [InlineData("max-age=0, s-maxage=120", "max-age=0, s-maxage=120")]
    public void A_shared_lifetime_is_capped_and_a_missing_one_is_given_the_cap(string sent, string expected)
    {
        Assert.Equal(expected, For(sent));
    }

    [Theory]
    [InlineData("private, no-cache, no-store, max-age=0, must-revalidate")]
    [InlineData("no-store")]
    [InlineData("private, max-age=60")]
    public void A_response_the_edge_may_not_keep_stays_as_it_is(string sent)
    {
        Assert.Equal(sent, For(sent));
    }

    [Fact]
    public void No_cache_alone_becomes_private_as_the_edge_has_kept_such_responses()
    {
        Assert.Equal("no-cache, private", For("no-cache"));
    }

    [Theory]
    [InlineData("s-maxage=60", "private")]
    [InlineData("public, max-age=30, s-maxage=600", "max-age=30, private")]
    public void A_shared_response_setting_a_cookie_becomes_private_as_the_edge_would_strip_the_cookie(string sent, string expected)
    {
        Assert.Equal(expected, For(sent, setsCookie: true));
    }

    [Theory]
    [InlineData("Accept-Language")]
    [InlineData("accept-encoding, Cookie")]
    [InlineData("*")]
    public void A_shared_response_varying_by_a_request_header_becomes_private_as_the_edge_ignores_vary(string vary)
    {
        Assert.Equal("private", For("s-maxage=60", vary));
    }

    [Fact]
    public void Varying_by_accept_encoding_alone_stays_shared_as_the_edge_keeps_encodings_apart()
    {
        Assert.Equal("s-maxage=60", For("s-maxage=60", "Accept-Encoding"));
    }

    [Fact]
    public void A_value_that_cannot_be_read_is_not_left_to_the_edge_either()
    {
        Assert.Equal("private, no-store", For("max-age=\"unterminated"));
    }
}
