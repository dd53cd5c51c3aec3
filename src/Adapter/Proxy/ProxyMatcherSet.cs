namespace NextRouteHandlers.Proxy;

/// <summary>The compiled matchers of a proxy: the proxy runs when any of them matches, or always when there are none.</summary>
internal sealed class ProxyMatcherSet
{
    private readonly (PathPattern Pattern, RouteConditions Conditions)[]? _matchers;

    /// <summary>Compiles the matchers of <paramref name="proxy"/>.</summary>
    /// <exception cref="InvalidOperationException">A matcher is malformed; the message names the file and the matcher.</exception>
    public ProxyMatcherSet(ProxyDefinition proxy)
    {
        if (proxy.Matchers is null) return;
        _matchers = new (PathPattern, RouteConditions)[proxy.Matchers.Count];
        for (var i = 0; i < _matchers.Length; i++)
        {
            var matcher = proxy.Matchers[i];
            try
            {
                _matchers[i] = (PathPattern.ForProxyMatcher(matcher.Source), RouteConditions.Compile(matcher.Has, matcher.Missing));
            }
            catch (FormatException exception)
            {
                throw new InvalidOperationException($"Matcher[{i}] ('{matcher.Source}') of {proxy.SourceFile} is invalid: {exception.Message}", exception);
            }
        }
    }

    /// <summary>True when the proxy should run for <paramref name="path"/>.</summary>
    /// <param name="path">The path without the base path, percent-encoded as sent.</param>
    /// <param name="facts">The request, for conditions.</param>
    public bool Matches(string path, RequestFacts facts)
    {
        if (_matchers is null) return true;
        foreach (var (pattern, conditions) in _matchers)
        {
            if (pattern.Match(path) is not null && conditions.Matches(facts, new Dictionary<string, string>(StringComparer.Ordinal))) return true;
        }

        return false;
    }
}
