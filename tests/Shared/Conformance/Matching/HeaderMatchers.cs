using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The <c>headers</c> part of an expectation: per lower-case name either an exact string, or an object whose keys
/// each add a check: <c>present</c> (true or false), <c>regex</c> (searched in the value), <c>tokenSet</c> (with
/// <c>ignoreTokens</c> and <c>caseInsensitive</c>), <c>sameAsStep</c> / <c>differsFromStep</c> (the raw value of an
/// earlier step of the case). Strings and patterns are compared after normalization.
/// </summary>
public static class HeaderMatchers
{
    /// <summary>Adds one message per header that does not match.</summary>
    /// <param name="context">The step being checked.</param>
    /// <param name="expected">The <c>headers</c> object of the expectation.</param>
    /// <param name="errors">Where the messages go.</param>
    public static void Check(StepCheckContext context, JsonObject expected, List<string> errors)
    {
        foreach (var (name, matcher) in expected)
        {
            var lowerName = name.ToLowerInvariant();
            var actual = context.Response.Header(lowerName);
            if (JsonTree.AsString(matcher) is { } exact)
            {
                var want = context.Expected(exact);
                if (!string.Equals(context.Normalize(actual), want, StringComparison.Ordinal))
                {
                    errors.Add($"header {lowerName}: expected {JsonTree.Show(want)}, got {JsonTree.Show(actual)}");
                }
            }
            else if (matcher is JsonObject rules)
            {
                CheckRules(context, lowerName, actual, rules, errors);
            }
        }
    }

    private static void CheckRules(StepCheckContext context, string name, string? actual, JsonObject rules, List<string> errors)
    {
        if (rules.TryGetPropertyValue("present", out var present) && JsonTree.IsTruthy(present) != (actual is not null))
        {
            errors.Add($"header {name}: expected {(JsonTree.IsTruthy(present) ? "present" : "absent")}, got {JsonTree.Show(actual)}");
        }

        if (rules.TryGetPropertyValue("regex", out var regex) && JsonTree.AsString(regex) is { } pattern
            && (actual is null || !Regex.IsMatch(context.Normalize(actual)!, context.Pattern(pattern))))
        {
            errors.Add($"header {name}: {JsonTree.Show(actual)} !~ /{pattern}/");
        }

        if (rules.TryGetPropertyValue("tokenSet", out var tokenSet) && JsonTree.AsString(tokenSet) is { } tokens)
        {
            var caseInsensitive = rules.TryGetPropertyValue("caseInsensitive", out var ci) && JsonTree.IsTruthy(ci);
            var ignore = IgnoredTokens(rules, caseInsensitive);
            var want = TokenSet.Of(context.Substitute(tokens), ignore, caseInsensitive);
            var got = TokenSet.Of(actual, ignore, caseInsensitive);
            if (!want.SetEquals(got))
            {
                var ignoring = ignore.Count > 0 ? $" (ignoring {string.Join(", ", ignore.Order(StringComparer.Ordinal))})" : string.Empty;
                errors.Add($"header {name}: expected tokens {{{string.Join(", ", want)}}}{ignoring}, got {JsonTree.Show(actual)}");
            }
        }

        foreach (var (key, wantSame) in new[] { ("sameAsStep", true), ("differsFromStep", false) })
        {
            if (!rules.TryGetPropertyValue(key, out var stepNode)) continue;
            var index = JsonTree.ToInt(stepNode!);
            var other = context.Step(index);
            if (other is null)
            {
                errors.Add($"header {name}: {key} {index} names no step of this case");
                continue;
            }

            var otherValue = other.Header(name);
            if (string.Equals(otherValue, actual, StringComparison.Ordinal) != wantSame)
            {
                errors.Add($"header {name}: expected {(wantSame ? "same as" : "different from")} step {index} ({JsonTree.Show(actual)} vs {JsonTree.Show(otherValue)})");
            }
        }
    }

    private static HashSet<string> IgnoredTokens(JsonObject rules, bool caseInsensitive)
    {
        var ignore = new HashSet<string>(StringComparer.Ordinal);
        if (rules["ignoreTokens"] is JsonArray tokens)
        {
            foreach (var token in tokens)
            {
                if (JsonTree.AsString(token) is { } text) ignore.Add(caseInsensitive ? text.ToLowerInvariant() : text);
            }
        }

        return ignore;
    }
}
