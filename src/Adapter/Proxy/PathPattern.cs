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

    /// <summary>Parses text in the pattern syntax without compiling it, as destinations are (<c>/items/:slug</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="delimiter">The characters a default parameter value stops at.</param>
    /// <exception cref="PathPatternException">The text is malformed.</exception>
    public static IReadOnlyList<PathToken> Tokenize(string text, string delimiter = "/")
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var lexed = Lex(text);
        var defaultPattern = "[^" + Regex.Escape(delimiter) + "]+?";
        var result = new List<PathToken>();
        var path = new StringBuilder();
        var key = 0;
        var i = 0;

        string? TryConsume(LexKind kind) => i < lexed.Count && lexed[i].Kind == kind ? lexed[i++].Value : null;

        void MustConsume(LexKind kind)
        {
            if (TryConsume(kind) is null) throw new PathPatternException($"Unexpected {Describe(lexed[i].Kind)} at {lexed[i].Index}, expected {Describe(kind)}");
        }

        string ConsumeText()
        {
            var text = new StringBuilder();
            string? value;
            while ((value = TryConsume(LexKind.Char) ?? TryConsume(LexKind.Escaped)) is not null) text.Append(value);
            return text.ToString();
        }

        void FlushText()
        {
            if (path.Length == 0) return;
            result.Add(PathToken.Text(path.ToString()));
            path.Clear();
        }

        while (i < lexed.Count)
        {
            var character = TryConsume(LexKind.Char);
            var name = TryConsume(LexKind.Name);
            var pattern = TryConsume(LexKind.Pattern);
            if (name is not null || pattern is not null)
            {
                var prefix = character ?? string.Empty;
                if (prefix != "/" && prefix != ".")
                {
                    path.Append(prefix);
                    prefix = string.Empty;
                }

                FlushText();
                var tokenName = name ?? (key++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                result.Add(PathToken.Parameter(tokenName, name is not null, prefix, string.Empty, pattern ?? defaultPattern, TryConsume(LexKind.Modifier) ?? string.Empty));
                continue;
            }

            var value = character ?? TryConsume(LexKind.Escaped);
            if (value is not null)
            {
                path.Append(value);
                continue;
            }

            FlushText();
            if (TryConsume(LexKind.Open) is not null)
            {
                var prefix = ConsumeText();
                var groupName = TryConsume(LexKind.Name) ?? string.Empty;
                var groupPattern = TryConsume(LexKind.Pattern) ?? string.Empty;
                var suffix = ConsumeText();
                MustConsume(LexKind.Close);
                var tokenName = groupName.Length > 0 ? groupName : groupPattern.Length > 0 ? (key++).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
                var tokenPattern = groupName.Length > 0 && groupPattern.Length == 0 ? defaultPattern : groupPattern;
                result.Add(PathToken.Parameter(tokenName, groupName.Length > 0, prefix, suffix, tokenPattern, TryConsume(LexKind.Modifier) ?? string.Empty));
                continue;
            }

            MustConsume(LexKind.End);
        }

        return result;
    }

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
        var tokens = Tokenize(source, delimiter);
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

    private static List<Lexeme> Lex(string text)
    {
        var tokens = new List<Lexeme>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '*':
                case '+':
                case '?':
                    tokens.Add(new Lexeme(LexKind.Modifier, i, c.ToString()));
                    i++;
                    continue;
                case '\\':
                    if (i + 1 >= text.Length) throw new PathPatternException($"Nothing to escape at {i}");
                    tokens.Add(new Lexeme(LexKind.Escaped, i, text[i + 1].ToString()));
                    i += 2;
                    continue;
                case '{':
                    tokens.Add(new Lexeme(LexKind.Open, i, "{"));
                    i++;
                    continue;
                case '}':
                    tokens.Add(new Lexeme(LexKind.Close, i, "}"));
                    i++;
                    continue;
                case ':':
                    var end = i + 1;
                    while (end < text.Length && IsNameChar(text[end])) end++;
                    if (end == i + 1) throw new PathPatternException($"Missing parameter name at {i}");
                    tokens.Add(new Lexeme(LexKind.Name, i, text.Substring(i + 1, end - i - 1)));
                    i = end;
                    continue;
                case '(':
                    tokens.Add(new Lexeme(LexKind.Pattern, i, LexPattern(text, ref i)));
                    continue;
                default:
                    tokens.Add(new Lexeme(LexKind.Char, i, c.ToString()));
                    i++;
                    continue;
            }
        }

        tokens.Add(new Lexeme(LexKind.End, i, string.Empty));
        return tokens;
    }

    private static string LexPattern(string text, ref int i)
    {
        var start = i;
        var depth = 1;
        var pattern = new StringBuilder();
        var j = i + 1;
        if (j < text.Length && text[j] == '?') throw new PathPatternException($"Pattern cannot start with \"?\" at {j}");
        while (j < text.Length)
        {
            if (text[j] == '\\')
            {
                pattern.Append(text[j]);
                if (j + 1 < text.Length) pattern.Append(text[j + 1]);
                j += 2;
                continue;
            }

            if (text[j] == ')')
            {
                depth--;
                if (depth == 0)
                {
                    j++;
                    break;
                }
            }
            else if (text[j] == '(')
            {
                depth++;
                if (j + 1 >= text.Length || text[j + 1] != '?') throw new PathPatternException($"Capturing groups are not allowed at {j}");
            }

            pattern.Append(text[j++]);
        }

        if (depth != 0) throw new PathPatternException($"Unbalanced pattern at {start}");
        if (pattern.Length == 0) throw new PathPatternException($"Missing pattern at {start}");
        i = j;
        return pattern.ToString();
    }

    private static bool IsNameChar(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    private static string Describe(LexKind kind) => kind switch
    {
        LexKind.Modifier => "MODIFIER",
        LexKind.Escaped => "ESCAPED_CHAR",
        LexKind.Open => "OPEN",
        LexKind.Close => "CLOSE",
        LexKind.Name => "NAME",
        LexKind.Pattern => "PATTERN",
        LexKind.Char => "CHAR",
        _ => "END",
    };

    private enum LexKind
    {
        Modifier,
        Escaped,
        Open,
        Close,
        Name,
        Pattern,
        Char,
        End,
    }

    private readonly struct Lexeme
    {
        public Lexeme(LexKind kind, int index, string value)
        {
            Kind = kind;
            Index = index;
            Value = value;
        }

        public LexKind Kind { get; }

        public int Index { get; }

        public string Value { get; }
    }
}
