using NextRouteHandlers.Manifest;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Pipeline;

public class MethodResolutionTests
{
    private static readonly RouteHandler Get = Routes.Handler(_ => null);
    private static readonly RouteHandler Post = Routes.Handler(_ => null);
    private static readonly RouteDefinition GetAndPost = Routes.Define("/x", new RouteHandlerTable { Get = Get, Post = Post });
    private static readonly RouteDefinition PostOnly = Routes.Define("/y", new RouteHandlerTable { Post = Post });

    [Fact]
    public void A_method_with_a_handler_runs_it()
    {
        Assert.Equal(new MethodResolution(Post, false, 0), MethodResolution.For(GetAndPost, "POST"));
        Assert.Equal(new MethodResolution(Get, false, 0), MethodResolution.For(GetAndPost, "GET"));
    }

    [Fact]
    public void Head_without_a_handler_runs_get_without_the_body()
    {
        Assert.Equal(new MethodResolution(Get, true, 0), MethodResolution.For(GetAndPost, "HEAD"));
    }

    [Fact]
    public void Options_without_a_handler_is_204_and_any_other_method_is_405()
    {
        Assert.Equal(new MethodResolution(null, false, 204), MethodResolution.For(GetAndPost, "OPTIONS"));
        Assert.Equal(new MethodResolution(null, false, 405), MethodResolution.For(GetAndPost, "DELETE"));
        Assert.Equal(new MethodResolution(null, true, 405), MethodResolution.For(PostOnly, "HEAD"));
    }

    /// <summary>The methods Next.js refuses on a prerendered route: every one of the seven but GET and HEAD.</summary>
    public static TheoryData<string> RefusedOnPrerenderedRoutes { get; } = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    [Theory]
    [MemberData(nameof(RefusedOnPrerenderedRoutes))]
    public void A_metadata_route_answers_any_method_but_get_and_head_as_a_prerendered_route(string method)
    {
        var metadata = Routes.Define("/icon.png", new RouteHandlerTable { Get = Get }) with { Kind = RouteKind.Metadata };

        Assert.Equal(new MethodResolution(null, false, 405, Prerendered: true), MethodResolution.For(metadata, method));
        Assert.Equal(new MethodResolution(Get, false, 0), MethodResolution.For(metadata, "GET"));
        Assert.Equal(new MethodResolution(Get, true, 0), MethodResolution.For(metadata, "HEAD"));
    }
}
