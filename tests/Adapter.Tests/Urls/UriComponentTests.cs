using NextRouteHandlers.Http;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Tests.Urls;

public class UriComponentTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a%20b", "a b")]
    [InlineData("a+b", "a+b")]
    [InlineData("%2F", "/")]
    [InlineData("caf%C3%A9", "café")]
    [InlineData("%F0%9F%98%80", "😀")]
    [InlineData("%e2%82%ac", "€")]
    public void Decodes_like_decodeURIComponent(string encoded, string expected)
    {
        Assert.True(UriComponent.TryDecode(encoded, out var decoded));
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("%zz")]
    [InlineData("%E0%A4%A")]
    [InlineData("%C3%28")]
    [InlineData("%FF")]
    public void Refuses_what_decodeURIComponent_throws_on(string encoded) =>
        Assert.False(UriComponent.TryDecode(encoded, out _));

    [Theory]
    [InlineData("b c", "b%20c")]
    [InlineData("!~*'()-_.", "!~*'()-_.")]
    [InlineData("a/b?c=d&e", "a%2Fb%3Fc%3Dd%26e")]
    [InlineData("é😀", "%C3%A9%F0%9F%98%80")]
    [InlineData("+;,", "%2B%3B%2C")]
    public void Encodes_like_encodeURIComponent(string value, string expected) =>
        Assert.Equal(expected, UriComponent.Encode(value));

    [Fact]
    public void A_lone_surrogate_cannot_be_encoded() =>
        Assert.Throws<ArgumentException>(() => UriComponent.Encode("\uD800x"));
}
