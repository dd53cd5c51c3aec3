using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class UrlSearchParamsTests
{
    [Fact]
    public void Repeated_keys_are_kept_in_order()
    {
        var search = new UrlSearchParams("?a=1&a=2&b=3");

        Assert.Equal(["1", "2"], search.GetAll("a"));
        Assert.Equal("1", search.Get("a"));
        Assert.Equal(3, search.Size);
    }

    [Theory]
    [InlineData("q=a+b", "a b")]
    [InlineData("q=a%20b", "a b")]
    [InlineData("q=caf%C3%A9", "café")]
    [InlineData("q=100%", "100%")]
    [InlineData("q=", "")]
    [InlineData("q", "")]
    public void Values_decode_as_the_url_standard_says(string query, string expected) =>
        Assert.Equal(expected, new UrlSearchParams(query).Get("q"));

    [Theory]
    [InlineData("?q=hello%20world", "q=hello+world")]
    [InlineData("?a=1&&b=2", "a=1&b=2")]
    [InlineData("?x=%2F*", "x=%2F*")]
    [InlineData("?e=", "e=")]
    public void Serialises_as_nextjs_shows_search(string query, string expected) =>
        Assert.Equal(expected, new UrlSearchParams(query).ToString());

    [Fact]
    public void Set_replaces_the_first_and_drops_the_rest()
    {
        var search = new UrlSearchParams("a=1&b=2&a=3");

        search.Set("a", "x");

        Assert.Equal("a=x&b=2", search.ToString());
    }

    [Fact]
    public void The_force_static_view_is_empty_and_read_only()
    {
        var search = UrlSearchParams.EmptyReadOnly();

        Assert.Equal(0, search.Size);
        Assert.Throws<InvalidOperationException>(() => search.Append("a", "1"));
    }
}
