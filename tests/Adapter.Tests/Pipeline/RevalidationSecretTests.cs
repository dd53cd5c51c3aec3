using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Pipeline;

namespace NextRouteHandlers.Tests.Pipeline;

public class RevalidationSecretTests
{
    private static HttpRequest Carrying(string? value)
    {
        var context = new DefaultHttpContext();
        if (value is not null) context.Request.Headers["x-prerender-revalidate"] = value;
        return context.Request;
    }

    [Fact]
    public void Only_the_exact_secret_authorises()
    {
        var secret = new RevalidationSecret("a-secret-of-some-length");

        Assert.True(secret.Authorises(Carrying("a-secret-of-some-length")));
        Assert.False(secret.Authorises(Carrying("a-secret-of-some-lengt")));
        Assert.False(secret.Authorises(Carrying("A-SECRET-OF-SOME-LENGTH")));
        Assert.False(secret.Authorises(Carrying(null)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_configured_secret_nothing_authorises(string? configured)
    {
        var secret = new RevalidationSecret(configured);

        Assert.False(secret.Authorises(Carrying(string.Empty)));
        Assert.False(secret.Authorises(Carrying("anything")));
    }
}
