using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Functions.Tests;

public class RouteHandlersFunctionTests
{
    private static HttpTriggerAttribute Trigger() =>
        typeof(RouteHandlersFunction).GetMethod(nameof(RouteHandlersFunction.RunAsync))!.GetParameters().Single().GetCustomAttribute<HttpTriggerAttribute>()!;

    [Fact]
    public void The_function_lists_exactly_the_methods_route_handlers_answer()
    {
        Assert.Equal(HttpMethodNames.Supported.Order(StringComparer.Ordinal), Trigger().Methods!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_function_is_anonymous_and_catches_every_path()
    {
        Assert.Equal(AuthorizationLevel.Anonymous, Trigger().AuthLevel);
        Assert.Equal("{*path}", Trigger().Route);
        Assert.Equal("routes", typeof(RouteHandlersFunction).GetMethod(nameof(RouteHandlersFunction.RunAsync))!.GetCustomAttribute<FunctionAttribute>()!.Name);
    }
}
