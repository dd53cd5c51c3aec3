using System.Globalization;
using System.Text;

namespace NextRouteHandlers.Generators;

/// <summary>
/// The one way the generator writes a C# string literal: every string that reaches the emitted code (URL patterns,
/// app paths, file names, segment config values, content types) goes through <see cref="String"/>, so a value with a
/// quote, a backslash or a control character compiles to exactly that value.
/// </summary>
internal static class CSharpLiteral
{
    /// <summary>
    /// A regular (<c>"..."</c>) literal of <paramref name="value"/>. Quotes and backslashes are escaped; so are the
    /// control characters, the characters C# treats as line ends (U+0085, U+2028, U+2029), which a regular literal may
    /// not hold, and unpaired surrogates, which would not survive the file's UTF-8 encoding.
    /// </summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\0': builder.Append("\\0"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (NeedsUnicodeEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool NeedsUnicodeEscape(char c) =>
        char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(c);
}
