using System.Text;

namespace NextRouteHandlers.Proxy;

/// <summary>The lexer of path-to-regexp's syntax: modifiers, escapes, braces, <c>:names</c>, <c>(patterns)</c> and plain characters.</summary>
/// <remarks>Shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal static class PathPatternLexer
{
    /// <summary>Splits a pattern into lexemes, ending with one of kind <see cref="PathLexemeKind.End"/>.</summary>
    /// <exception cref="PathPatternException">A name, pattern or escape is malformed.</exception>
    public static List<PathLexeme> Lex(string text)
    {
        var tokens = new List<PathLexeme>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '*':
                case '+':
                case '?':
                    tokens.Add(new PathLexeme(PathLexemeKind.Modifier, i, c.ToString()));
                    i++;
                    continue;
                case '\\':
                    if (i + 1 >= text.Length) throw new PathPatternException($"Nothing to escape at {i}");
                    tokens.Add(new PathLexeme(PathLexemeKind.Escaped, i, text[i + 1].ToString()));
                    i += 2;
                    continue;
                case '{':
                    tokens.Add(new PathLexeme(PathLexemeKind.Open, i, "{"));
                    i++;
                    continue;
                case '}':
                    tokens.Add(new PathLexeme(PathLexemeKind.Close, i, "}"));
                    i++;
                    continue;
                case ':':
                    var end = i + 1;
                    while (end < text.Length && IsNameChar(text[end])) end++;
                    if (end == i + 1) throw new PathPatternException($"Missing parameter name at {i}");
                    tokens.Add(new PathLexeme(PathLexemeKind.Name, i, text.Substring(i + 1, end - i - 1)));
                    i = end;
                    continue;
                case '(':
                    tokens.Add(new PathLexeme(PathLexemeKind.Pattern, i, LexPattern(text, ref i)));
                    continue;
                default:
                    tokens.Add(new PathLexeme(PathLexemeKind.Char, i, c.ToString()));
                    i++;
                    continue;
            }
        }

        tokens.Add(new PathLexeme(PathLexemeKind.End, i, string.Empty));
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

    /// <summary>The kind's name as path-to-regexp writes it in its messages.</summary>
    public static string Describe(PathLexemeKind kind) => kind switch
    {
        PathLexemeKind.Modifier => "MODIFIER",
        PathLexemeKind.Escaped => "ESCAPED_CHAR",
        PathLexemeKind.Open => "OPEN",
        PathLexemeKind.Close => "CLOSE",
        PathLexemeKind.Name => "NAME",
        PathLexemeKind.Pattern => "PATTERN",
        PathLexemeKind.Char => "CHAR",
        _ => "END",
    };
}
