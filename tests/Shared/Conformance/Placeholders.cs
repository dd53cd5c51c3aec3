using System.Globalization;
using System.Text.RegularExpressions;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Substitutes the placeholders of a case: <c>{{origin}}</c>, <c>{{host}}</c>, <c>{{port}}</c>, <c>{{run}}</c>,
/// and in requests <c>{{stepN.header-name}}</c>, a header of an earlier response of the same case (empty when that
/// response has no such header).
/// </summary>
public static partial class Placeholders
{
    /// <summary>Substitutes <paramref name="text"/> for a request (with <paramref name="prior"/>) or an expected string.</summary>
    /// <param name="text">The text with placeholders.</param>
    /// <param name="target">The server.</param>
    /// <param name="prior">The responses of the case's earlier steps, for <c>{{stepN...}}</c>; <see langword="null"/> leaves those as written.</param>
    public static string Substitute(string text, ReplayTarget target, IReadOnlyList<WireResponse>? prior = null)
    {
        if (prior is not null && text.Contains("{{step", StringComparison.Ordinal))
        {
            text = StepHeader().Replace(text, m =>
            {
                var step = PythonIndex.Of(prior, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                    ?? throw new InvalidOperationException($"{m.Value}: there is no such earlier step");
                return step.Header(m.Groups[2].Value.ToLowerInvariant()) ?? string.Empty;
            });
        }

        return Replace(text, target, value => value);
    }

    /// <summary>
    /// Substitutes the placeholders of a regular expression. Patterns are matched against normalized values, so each
    /// value is normalized first, then escaped.
    /// </summary>
    /// <param name="pattern">The pattern with placeholders.</param>
    /// <param name="target">The server.</param>
    /// <param name="normalize">The string normalization of the replay.</param>
    public static string SubstituteInPattern(string pattern, ReplayTarget target, Func<string, string> normalize) =>
        Replace(pattern, target, value => Regex.Escape(normalize(value)));

    private static string Replace(string text, ReplayTarget target, Func<string, string> value) => text
        .Replace("{{origin}}", value(target.Origin), StringComparison.Ordinal)
        .Replace("{{host}}", value(target.Host), StringComparison.Ordinal)
        .Replace("{{port}}", value(target.Port.ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal)
        .Replace("{{run}}", value(target.Run), StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{step(\d+)\.([A-Za-z0-9-]+)\}\}")]
    private static partial Regex StepHeader();
}
