using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Tests.Routing;

public class HttpMethodNamesTests
{
    [Fact]
    public void The_check_and_the_list_name_the_same_seven_methods()
    {
        Assert.Equal(7, HttpMethodNames.Supported.Count);
        Assert.All(HttpMethodNames.Supported, method => Assert.True(HttpMethodNames.IsSupported(method), method));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("PROPFIND")]
    [InlineData("TRACE")]
    [InlineData("CONNECT")]
    [InlineData("")]
    public void Any_other_method_or_another_case_is_not_one_of_them(string method)
    {
        Assert.False(HttpMethodNames.IsSupported(method));
    }
}
