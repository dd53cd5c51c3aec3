using System.Text;
using System.Text.RegularExpressions;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// Turns the lexemes of a path pattern into <see cref="PathToken"/>s the way path-to-regexp's <c>parse</c> does: a
/// <c>/</c> or <c>.</c> before a parameter becomes its prefix, <c>{...}</c> groups carry their own prefix and suffix,
/// and unnamed groups are numbered from 0.
/// </summary>
/// <remarks>Shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal static class PathPatternParser
{
    /// <summary>Parses text in the pattern syntax without compiling it, as destinations are (<c>/items/:slug</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="delimiter">The characters a default parameter value stops at.</param>
    /// <exception cref="PathPatternException">The text is malformed.</exception>
    public static IReadOnlyList<PathToken> Parse(string text, string delimiter = "/")
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var lexed = PathPatternLexer.Lex(text);
        var defaultPattern = "[^" + Regex.Escape(delimiter) + "]+?";
        var result = new List<PathToken>();
        var path = new StringBuilder();
        var key = 0;
        var i = 0;

        string? TryConsume(PathLexemeKind kind) => i < lexed.Count && lexed[i].Kind == kind ? lexed[i++].Value : null;

        void MustConsume(PathLexemeKind kind)
        {
            if (TryConsume(kind) is null) throw new PathPatternException($"Unexpected {PathPatternLexer.Describe(lexed[i].Kind)} at {lexed[i].Index}, expected {PathPatternLexer.Describe(kind)}");
        }

        string ConsumeText()
        {
            var text = new StringBuilder();
            string? value;
            while ((value = TryConsume(PathLexemeKind.Char) ?? TryConsume(PathLexemeKind.Escaped)) is not null) text.Append(value);
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
            var character = TryConsume(PathLexemeKind.Char);
            var name = TryConsume(PathLexemeKind.Name);
            var pattern = TryConsume(PathLexemeKind.Pattern);
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
                result.Add(PathToken.Parameter(tokenName, name is not null, prefix, string.Empty, pattern ?? defaultPattern, TryConsume(PathLexemeKind.Modifier) ?? string.Empty));
                continue;
            }

            var value = character ?? TryConsume(PathLexemeKind.Escaped);
            if (value is not null)
            {
                path.Append(value);
                continue;
            }

            FlushText();
            if (TryConsume(PathLexemeKind.Open) is not null)
            {
                var prefix = ConsumeText();
                var groupName = TryConsume(PathLexemeKind.Name) ?? string.Empty;
                var groupPattern = TryConsume(PathLexemeKind.Pattern) ?? string.Empty;
                var suffix = ConsumeText();
                MustConsume(PathLexemeKind.Close);
                var tokenName = groupName.Length > 0 ? groupName : groupPattern.Length > 0 ? (key++).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
                var tokenPattern = groupName.Length > 0 && groupPattern.Length == 0 ? defaultPattern : groupPattern;
                result.Add(PathToken.Parameter(tokenName, groupName.Length > 0, prefix, suffix, tokenPattern, TryConsume(PathLexemeKind.Modifier) ?? string.Empty));
                continue;
            }

            MustConsume(PathLexemeKind.End);
        }

        return result;
    }
}
