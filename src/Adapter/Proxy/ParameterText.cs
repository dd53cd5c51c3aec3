using System.Text.RegularExpressions;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// <c>:name</c> placeholders in text that is not a path (header values, destination hosts and queries), filled the way
/// Next.js's <c>compileNonPath</c> does: a known parameter is replaced by its value, anything else stays as written.
/// </summary>
internal static partial class ParameterText
{
    /// <summary>The parameter names the text refers to.</summary>
    public static IEnumerable<string> Names(string text) => Placeholder().Matches(text).Select(m => m.Groups["name"].Value);

    /// <summary>Replaces the placeholders of known parameters.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> parameters) =>
        text.Contains(':', StringComparison.Ordinal)
            ? Placeholder().Replace(text, m => parameters.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value)
            : text;

    [GeneratedRegex(@"(?<!\\):(?<name>[A-Za-z0-9_]+)[*+?]?", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
