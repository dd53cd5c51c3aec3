using Microsoft.Extensions.Options;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// Checks <see cref="NextConfig"/> when the app starts (<c>ValidateOnStart</c>): an invalid pattern, destination,
/// status or header stops startup with one message per rule, naming its configuration path and source.
/// </summary>
internal sealed class NextConfigValidator : IValidateOptions<NextConfig>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, NextConfig options)
    {
        var errors = new List<string>();
        RoutingRules.Compile(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
