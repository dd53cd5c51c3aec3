namespace NextRouteHandlers.Proxy;

/// <summary>A compiled rewrite rule.</summary>
internal sealed class RewriteStep(ConfigRule rule, Destination destination)
{
    /// <summary>The destination path when the rule applies to <paramref name="path"/>, else null.</summary>
    /// <param name="path">The current path, without the base path.</param>
    /// <param name="facts">The request.</param>
    public string? Apply(string path, RequestFacts facts) =>
        rule.Match(RoutingRules.RulePath(path), facts) is { } parameters ? destination.Path(parameters) : null;
}
