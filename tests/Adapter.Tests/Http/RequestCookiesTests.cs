using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class RequestCookiesTests
{
    [Fact]
    public void Values_are_percent_decoded() => Assert.Equal(" x", new RequestCookies("a=1; b=%20x").Get("b")!.Value);

    [Fact]
    public void The_last_of_two_equal_names_wins() => Assert.Equal("2", new RequestCookies("a=1; a=2").Get("a")!.Value);

    [Fact]
    public void A_pair_without_equals_reads_true() => Assert.Equal("true", new RequestCookies("flag").Get("flag")!.Value);

    [Fact]
    public void A_value_that_does_not_decode_is_dropped()
    {
        var cookies = new RequestCookies("a=%E0%A4%A; b=1");

        Assert.False(cookies.Has("a"));
        Assert.Equal("1", cookies.Get("b")!.Value);
    }

    [Fact]
    public void GetAll_lists_every_cookie_in_order() =>
        Assert.Equal([new RequestCookie("a", "1"), new RequestCookie("b", "two words")], new RequestCookies("a=1;b=two%20words").GetAll());

    [Fact]
    public void No_header_means_no_cookies() => Assert.Equal(0, new RequestCookies(null).Size);
}
