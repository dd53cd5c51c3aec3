using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class HeadersTests
{
    [Fact]
    public void Names_are_case_insensitive_and_values_join_with_comma_space()
    {
        var headers = new Headers { { "X-A", "1" }, { "x-a", "2" } };

        Assert.Equal("1, 2", headers.Get("X-a"));
        Assert.True(headers.Has("x-A"));
        Assert.Equal([new KeyValuePair<string, string>("x-a", "1, 2")], headers);
    }

    [Fact]
    public void Set_cookie_values_stay_separate()
    {
        var headers = new Headers();
        headers.Append("Set-Cookie", "a=1");
        headers.Append("set-cookie", "b=2");

        Assert.Equal(["a=1", "b=2"], headers.GetSetCookie());
        Assert.Equal(2, headers.Count(h => h.Key == "set-cookie"));
    }

    [Fact]
    public void Set_replaces_and_delete_removes()
    {
        var headers = new Headers { { "a", "1" }, { "a", "2" } };

        headers.Set("A", "3");
        Assert.Equal("3", headers.Get("a"));
        headers.Delete("a");
        Assert.Null(headers.Get("a"));
    }

    [Theory]
    [InlineData("bad name", "v")]
    [InlineData("", "v")]
    [InlineData("x", "a\r\nb")]
    public void Invalid_names_and_values_are_refused(string name, string value) =>
        Assert.Throws<ArgumentException>(() => new Headers().Append(name, value));

    [Fact]
    public void Request_headers_are_a_read_only_view()
    {
        var source = new HeaderDictionary { ["X-Multi"] = new(["v1", "v2"]) };
        var headers = Headers.ReadOnlyView(source);

        Assert.Equal("v1, v2", headers.Get("x-multi"));
        var error = Assert.Throws<ReadOnlyHeadersException>(() => headers.Set("x", "1"));
        Assert.StartsWith("Headers cannot be modified.", error.Message, StringComparison.Ordinal);
    }
}
