using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Pipeline;

namespace NextRouteHandlers.Tests.Pipeline;

public class PublicOriginTests
{
    private static HttpRequest Request(string host, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        foreach (var (name, value) in headers) context.Request.Headers[name] = value;
        return context.Request;
    }

    [Fact]
    public void Forwarded_headers_give_the_public_url_behind_the_functions_host()
    {
        var request = Request("127.0.0.1:5123", ("X-Forwarded-Host", "shop.example"), ("X-Forwarded-Proto", "https"));

        Assert.Equal(("https:", "shop.example"), PublicOrigin.Resolve(request, trustForwardedHeaders: true));
    }

    [Fact]
    public void Forwarded_headers_are_ignored_when_not_trusted()
    {
        var request = Request("127.0.0.1:5123", ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "https"));

        Assert.Equal(("http:", "127.0.0.1:5123"), PublicOrigin.Resolve(request, trustForwardedHeaders: false));
    }

    [Fact]
    public void The_first_of_several_proxies_wins_and_default_ports_drop()
    {
        var request = Request("127.0.0.1:5123", ("X-Forwarded-Host", "a.example:443, b.example"), ("X-Forwarded-Proto", "https, http"));

        Assert.Equal(("https:", "a.example"), PublicOrigin.Resolve(request, trustForwardedHeaders: true));
    }

    [Theory]
    [InlineData("evil.example/path")]
    [InlineData("user@evil.example")]
    [InlineData("a b")]
    public void A_forwarded_host_that_is_not_a_host_is_ignored(string forwarded)
    {
        var request = Request("public.example:8080", ("X-Forwarded-Host", forwarded));

        Assert.Equal("public.example:8080", PublicOrigin.Resolve(request, trustForwardedHeaders: true).Host);
    }

    [Fact]
    public void The_forwarded_host_goes_back_into_the_host_header_and_the_forwarded_headers_stay()
    {
        var request = Request("localhost:41234", ("X-Forwarded-Host", "shop.example:8443, proxy.internal"), ("X-Forwarded-For", "203.0.113.7"));

        PublicOrigin.RestoreForwardedHost(request);

        Assert.Equal("shop.example:8443", request.Host.Value);
        Assert.Equal("shop.example:8443", request.Headers.Host.ToString());
        Assert.Equal("203.0.113.7", request.Headers["X-Forwarded-For"].ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("evil.example/path")]
    [InlineData("bad host")]
    public void A_missing_or_malformed_forwarded_host_leaves_the_host_as_it_was(string forwarded)
    {
        var request = Request("localhost:41234", ("X-Forwarded-Host", forwarded));

        PublicOrigin.RestoreForwardedHost(request);

        Assert.Equal("localhost:41234", request.Host.Value);
    }
}
