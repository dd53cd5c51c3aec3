using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Manifest;

/// <summary>
/// The <c>Allow</c> value of a route: its exported methods, HEAD with GET, and OPTIONS, sorted, as Next.js's
/// automatic OPTIONS sends it; worked out once per set of methods, so routes that export the same set share it.
/// </summary>
public class AllowHeaderTests
{
    private static readonly RouteHandler Handler = Routes.Handler(_ => new Response("ok"));

    [Theory]
    [InlineData("GET", "GET, HEAD, OPTIONS")]
    [InlineData("POST", "OPTIONS, POST")]
    [InlineData("", "OPTIONS")]
    [InlineData("HEAD", "HEAD, OPTIONS")]
    [InlineData("GET HEAD", "GET, HEAD, OPTIONS")]
    [InlineData("DELETE PATCH PUT POST GET", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT")]
    [InlineData("OPTIONS PUT", "OPTIONS, PUT")]
    public void Lists_the_exported_methods_with_HEAD_for_GET_and_OPTIONS_sorted(string exported, string allow)
    {
        Assert.Equal(allow, AllowHeader.For(Table(exported)));
    }

    [Fact]
    public void Routes_that_export_the_same_methods_share_one_value_and_other_sets_get_their_own()
    {
        var first = AllowHeader.For(Table("GET POST"));
        var second = AllowHeader.For(Table("POST GET"));
        var other = AllowHeader.For(Table("GET"));

        Assert.Same(first, second);
        Assert.Equal("GET, HEAD, OPTIONS, POST", first);
        Assert.Equal("GET, HEAD, OPTIONS", other);
    }

    private static RouteHandlerTable Table(string exported)
    {
        var methods = exported.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        RouteHandler? If(string method) => methods.Contains(method) ? Handler : null;
        return new RouteHandlerTable
        {
            Get = If("GET"),
            Head = If("HEAD"),
            Post = If("POST"),
            Put = If("PUT"),
            Patch = If("PATCH"),
            Delete = If("DELETE"),
            Options = If("OPTIONS"),
        };
    }
}
