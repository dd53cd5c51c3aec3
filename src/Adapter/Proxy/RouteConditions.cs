using System.Text.RegularExpressions;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// The compiled <c>has</c> and <c>missing</c> conditions of one rule, evaluated as Next.js's <c>matchHas</c> does:
/// every <c>has</c> must hold and no <c>missing</c> may; a value must be non-empty; a regular expression must match
/// the whole value; named groups (and the keys of conditions without a value) become parameters.
/// </summary>
internal sealed class RouteConditions
{
    private readonly Condition[] _has;
    private readonly Condition[] _missing;

    private RouteConditions(Condition[] has, Condition[] missing)
    {
        _has = has;
        _missing = missing;
    }

    /// <summary>No conditions.</summary>
    public static RouteConditions None { get; } = new([], []);

    /// <summary>The parameter names the <c>has</c> conditions provide, for checking destinations.</summary>
    public IEnumerable<string> ParameterNames => _has.SelectMany(c => c.ParameterNames);

    /// <summary>Compiles the conditions.</summary>
    /// <param name="has">Conditions that must hold.</param>
    /// <param name="missing">Conditions that must not hold.</param>
    /// <exception cref="FormatException">A condition has no key, or its value is not a valid regular expression; the message names it.</exception>
    public static RouteConditions Compile(IReadOnlyList<RouteHas>? has, IReadOnlyList<RouteHas>? missing)
    {
        if ((has is null || has.Count == 0) && (missing is null || missing.Count == 0)) return None;
        return new RouteConditions(CompileAll("Has", has), CompileAll("Missing", missing));
    }

    /// <summary>True when the request satisfies the conditions; adds the parameters they capture to <paramref name="parameters"/>.</summary>
    /// <param name="facts">The request.</param>
    /// <param name="parameters">Receives captured parameters.</param>
    public bool Matches(RequestFacts facts, IDictionary<string, string> parameters)
    {
        if (_has.Length == 0 && _missing.Length == 0) return true;
        var captured = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var condition in _has)
        {
            if (!condition.Matches(facts, captured)) return false;
        }

        foreach (var condition in _missing)
        {
            if (condition.Matches(facts, new Dictionary<string, string>(StringComparer.Ordinal))) return false;
        }

        foreach (var (key, value) in captured) parameters[key] = value;
        return true;
    }

    private static Condition[] CompileAll(string list, IReadOnlyList<RouteHas>? conditions)
    {
        if (conditions is null) return [];
        var compiled = new Condition[conditions.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            var condition = conditions[i] ?? throw new FormatException($"{list}[{i}] is empty.");
            if (!Enum.IsDefined(condition.Type)) throw new FormatException($"{list}[{i}] has type '{condition.Type}'; use header, cookie, query or host.");
            if (condition.Type != RouteHasType.Host && string.IsNullOrEmpty(condition.Key)) throw new FormatException($"{list}[{i}] ({condition.Type}) needs a key.");
            Regex? value = null;
            if (condition.Value is not null)
            {
                try
                {
                    value = new Regex("^" + condition.Value + "$", RegexOptions.CultureInvariant, PathPattern.MatchTimeout);
                }
                catch (ArgumentException exception)
                {
                    throw new FormatException($"{list}[{i}] value '{condition.Value}' is not a valid regular expression: {exception.Message}");
                }
            }

            compiled[i] = new Condition(condition.Type, condition.Key ?? string.Empty, value);
        }

        return compiled;
    }

    private sealed class Condition(RouteHasType type, string key, Regex? value)
    {
        public IEnumerable<string> ParameterNames
        {
            get
            {
                if (value is null) return type == RouteHasType.Host ? [] : [SafeParameterName(key)];
                var named = value.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToArray();
                return named.Length == 0 && type == RouteHasType.Host ? ["host"] : named;
            }
        }

        public bool Matches(RequestFacts facts, Dictionary<string, string> parameters)
        {
            var actual = type switch
            {
                RouteHasType.Header => facts.Header(key),
                RouteHasType.Cookie => facts.Cookie(key),
                RouteHasType.Query => facts.Query(key),
                _ => facts.Hostname,
            };

            // Next.js tests the value for truthiness, so a header, cookie or query parameter with an empty value is absent.
            if (string.IsNullOrEmpty(actual)) return false;
            if (value is null)
            {
                if (type != RouteHasType.Host) parameters[SafeParameterName(key)] = actual;
                return true;
            }

            var match = value.Match(actual);
            if (!match.Success) return false;
            var named = false;
            foreach (Group group in match.Groups)
            {
                if (int.TryParse(group.Name, out _) || !group.Success) continue;
                parameters[group.Name] = group.Value;
                named = true;
            }

            if (!named && type == RouteHasType.Host) parameters["host"] = match.Value;
            return true;
        }

        // Next.js keeps only the ASCII letters of a key when it becomes a parameter name (x-user-id -> xuserid).
        private static string SafeParameterName(string key) => new(key.Where(char.IsAsciiLetter).ToArray());
    }
}
