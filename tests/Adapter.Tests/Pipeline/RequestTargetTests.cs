using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NextRouteHandlers.Pipeline;

namespace NextRouteHandlers.Tests.Pipeline;

public class RequestTargetTests
{
    private static HttpContext With(string rawTarget)
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        return context;
    }

    [Fact]
    public void The_path_and_query_are_the_request_lines_still_encoded()
    {
        var target = RequestTarget.Of(With("/a%2Fb/caf%C3%A9?q=1&x=%20"), behindFunctionsHost: false);

        Assert.Equal(new RequestTarget("/a%2Fb/caf%C3%A9", "?q=1&x=%20"), target);
    }

    [Fact]
    public void Behind_the_functions_host_a_twice_escaped_slash_is_an_encoded_slash_again()
    {
        Assert.Equal("/a%2Fb", RequestTarget.Of(With("/a%252Fb"), behindFunctionsHost: true).Path);
        Assert.Equal("/a%252Fb", RequestTarget.Of(With("/a%252Fb"), behindFunctionsHost: false).Path);
    }

    [Fact]
    public void Without_a_raw_target_the_path_and_query_of_the_request_are_used()
    {
        var context = With(string.Empty);
        context.Request.Path = "/x y";
        context.Request.QueryString = new QueryString("?a=1");

        Assert.Equal(new RequestTarget("/x%20y", "?a=1"), RequestTarget.Of(context, behindFunctionsHost: false));
    }
}
