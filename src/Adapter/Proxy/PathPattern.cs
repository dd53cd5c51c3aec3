using System.Text;
using System.Text.RegularExpressions;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// A path pattern in the path-to-regexp syntax (v6) that Next.js uses for proxy matchers and next.config sources:
/// <c>:name</c> matches one segment, <c>:name?</c> zero or one, <c>:name*</c> zero or more, <c>:name+</c> one or
/// more; <c>:name(regex)</c> and unnamed <c>(regex)</c> groups restrict a value; <c>{...}</c> groups a prefix and
/// suffix; <c>\</c> escapes. A pattern matches a whole path. Parsing rejects what path-to-regexp rejects, with its
/// messages (<c>Missing parameter name at 5</c>).
/// </summary>
/// <remarks>This file is shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal sealed class PathPattern
{
    /// <summary>How long one match may run before it fails, so a costly regular expression cannot stall a request.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const string CaptureName = "__p";

    private readonly PathToken[] _captures;

    private PathPattern(string source, IReadOnlyList<PathToken> tokens, string regex, bool caseSensitive)
    {
        Source = source;
        Tokens = tokens;
        var options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        try
        {
            Regex = new Regex(regex, options, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new PathPatternException("Invalid regular expression: " + exception.Message);
        }

        _captures = tokens.Where(t => t.IsParameter && t.Pattern.Length > 0).ToArray();
    }

    /// <summary>The pattern as written.</summary>
    public string Source { get; }

    /// <summary>The parsed tokens.</summary>
    public IReadOnlyList<PathToken> Tokens { get; }

    /// <summary>The regular expression the pattern compiles to.</summary>
    public Regex Regex { get; }

    /// <summary>The named parameters (<c>:name</c>) of the pattern, in order.</summary>
    public IEnumerable<string> ParameterNames => _captures.Where(t => t.IsNamed).Select(t => t.Name);

    /// <summary>
    /// A proxy matcher (<c>Matcher</c> in <c>proxy.cs</c>, <c>config.matcher</c> in Next.js): case-sensitive, a value
    /// stops at <c>/</c>, <c>#</c> and <c>?</c>, and one trailing slash is accepted.
    /// </summary>
    /// <param name="source">The pattern; it must start with <c>/</c>.</param>
    /// <exception cref="PathPatternException">The pattern is malformed.</exception>
    public static PathPattern ForProxyMatcher(string source) => Compile(source, "/#?", strict: false, caseSensitive: true);

    /// <summary>
    /// A <c>source</c> of a next.config rule (headers, redirects, rewrites): case-insensitive unless
    /// <paramref name="caseSensitive"/>, a value stops at <c>/</c>, and a trailing slash must match exactly.
    /// </summary>
    /// <param name="source">The pattern; it must start with <c>/</c>.</param>
    /// <param name="caseSensitive">Next.js's <c>experimental.caseSensitiveRoutes</c>.</param>
    /// <exception cref="PathPatternException">The pattern is malformed.</exception>
    public static PathPattern ForConfigSource(string source, bool caseSensitive = false) => Compile(source, "/", strict: true, caseSensitive);

    /// <summary>Matches a whole path and returns its named parameters (the raw, still-encoded text), or null when it does not match.</summary>
    /// <param name="path">The path, percent-encoded as the client sent it.</param>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var match = Regex.Match(path);
        if (!match.Success) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _captures.Length; i++)
        {
            if (!_captures[i].IsNamed) continue;
            var group = match.Groups[CaptureName + i];
            if (group.Success) values[_captures[i].Name] = group.Value;
        }

        return values;
    }

    /// <inheritdoc />
    public override string ToString() => Source;

    private static PathPattern Compile(string source, string delimiter, bool strict, bool caseSensitive)
    {
        if (source is null) throw new ArgumentNullException(nameof(source));
        if (source.Length == 0 || source[0] != '/') throw new PathPatternException("It must start with '/'.");
        var tokens = PathPatternParser.Parse(source, delimiter);
        var regex = new StringBuilder("^");
        var capture = 0;
        foreach (var token in tokens)
        {
            if (!token.IsParameter)
            {
                regex.Append(Regex.Escape(token.Literal!));
                continue;
            }

            var prefix = Regex.Escape(token.Prefix);
            var suffix = Regex.Escape(token.Suffix);
            if (token.Pattern.Length == 0)
            {
                regex.Append("(?:").Append(prefix).Append(suffix).Append(')').Append(token.Modifier);
                continue;
            }

            // Unnamed groups are matched but not reported (Next.js removes them from the params), so only named
            // parameters capture; ExplicitCapture keeps the user's own groups from capturing.
            var open = token.IsNamed ? "(?<" + CaptureName + capture + ">" : "(?:";
            capture++;
            if (prefix.Length > 0 || suffix.Length > 0)
            {
                if (token.IsRepeated)
                {
                    regex.Append("(?:").Append(prefix).Append(open).Append("(?:").Append(token.Pattern).Append(")(?:").Append(suffix).Append(prefix)
                        .Append("(?:").Append(token.Pattern).Append("))*)").Append(suffix).Append(')').Append(token.Modifier == "*" ? "?" : string.Empty);
                }
                else
                {
                    regex.Append("(?:").Append(prefix).Append(open).Append(token.Pattern).Append(')').Append(suffix).Append(')').Append(token.Modifier);
                }
            }
            else if (token.IsRepeated)
            {
                regex.Append(open).Append("(?:").Append(token.Pattern).Append(')').Append(token.Modifier).Append(')');
            }
            else
            {
                regex.Append(open).Append(token.Pattern).Append(')').Append(token.Modifier);
            }
        }

        if (!strict) regex.Append('[').Append(Regex.Escape(delimiter)).Append("]?");
        regex.Append(@"\z");
        return new PathPattern(source, tokens, regex.ToString(), caseSensitive);
    }
}
