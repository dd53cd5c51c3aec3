namespace NextRouteHandlers.Proxy;

/// <summary>The matching part of a compiled next.config rule: its source pattern and its conditions.</summary>
internal sealed class ConfigRule
{
    private readonly PathPattern _source;
    private readonly RouteConditions _conditions;

    private ConfigRule(PathPattern source, RouteConditions conditions)
    {
        _source = source;
        _conditions = conditions;
    }

    /// <summary>Every parameter the rule provides: the source's named parameters and what the <c>has</c> conditions capture.</summary>
    public IReadOnlySet<string> ParameterNames => _source.ParameterNames.Concat(_conditions.ParameterNames).ToHashSet(StringComparer.Ordinal);

    /// <summary>Compiles a source and its conditions.</summary>
    /// <exception cref="FormatException">The source or a condition is malformed.</exception>
    public static ConfigRule Compile(string? source, IReadOnlyList<RouteHas>? has, IReadOnlyList<RouteHas>? missing)
    {
        if (string.IsNullOrEmpty(source)) throw new FormatException("The source is empty.");
        return new ConfigRule(PathPattern.ForConfigSource(source), RouteConditions.Compile(has, missing));
    }

    /// <summary>The parameters when the rule matches the path and the request, else null.</summary>
    /// <param name="path">The path without the base path and without a trailing slash.</param>
    /// <param name="facts">The request.</param>
    public IReadOnlyDictionary<string, string>? Match(string path, RequestFacts facts)
    {
        if (_source.Match(path) is not { } matched) return null;
        var parameters = new Dictionary<string, string>(matched, StringComparer.Ordinal);
        return _conditions.Matches(facts, parameters) ? parameters : null;
    }
}
