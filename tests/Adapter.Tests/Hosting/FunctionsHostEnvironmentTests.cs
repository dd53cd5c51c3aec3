using NextRouteHandlers.Hosting;

namespace NextRouteHandlers.Tests.Hosting;

public class FunctionsHostEnvironmentTests
{
    private static FunctionsHostEnvironment With(params (string Name, string Value)[] variables) =>
        new(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void Without_the_port_variable_the_app_is_not_a_custom_handler()
    {
        var environment = With();

        Assert.False(environment.IsCustomHandler);
        Assert.Equal(100L * 1024 * 1024, environment.BodySizeLimit);
    }

    [Fact]
    public void The_port_and_body_limit_come_from_the_host()
    {
        var environment = With((FunctionsHostEnvironment.PortVariable, "5123"), (FunctionsHostEnvironment.BodySizeLimitVariable, "1048576"));

        Assert.Equal(5123, environment.Port);
        Assert.Equal(1048576, environment.BodySizeLimit);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void An_invalid_port_fails_with_a_message_naming_the_variable(string port)
    {
        var error = Assert.Throws<InvalidOperationException>(() => With((FunctionsHostEnvironment.PortVariable, port)));

        Assert.Contains(FunctionsHostEnvironment.PortVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_body_limit_fails_with_a_message_naming_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => With((FunctionsHostEnvironment.BodySizeLimitVariable, "lots")));

        Assert.Contains(FunctionsHostEnvironment.BodySizeLimitVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_isolated_worker_started_by_the_host_is_behind_the_host_without_a_custom_handler_port()
    {
        var environment = FunctionsHostEnvironment.ForIsolatedWorker(name => name == FunctionsHostEnvironment.BodySizeLimitVariable ? "2048" : null);

        Assert.True(environment.IsIsolatedWorker);
        Assert.True(environment.IsBehindHost);
        Assert.False(environment.IsCustomHandler);
        Assert.Null(environment.Port);
        Assert.Equal(2048, environment.BodySizeLimit);
    }

    [Fact]
    public void A_custom_handler_is_behind_the_host_and_not_a_worker()
    {
        var environment = With((FunctionsHostEnvironment.PortVariable, "7071"));

        Assert.True(environment.IsBehindHost);
        Assert.False(environment.IsIsolatedWorker);
    }
}
