using System.Buffers;
using System.Text;

namespace NextRouteHandlers.Urls;

/// <summary>
/// JavaScript's <c>encodeURIComponent</c> / <c>decodeURIComponent</c>, byte for byte. Next.js uses them for route
/// parameters and cookies; .NET's <see cref="Uri.EscapeDataString(string)"/> escapes a different set
/// (<c>! * ' ( )</c>) and its unescaping accepts what JavaScript rejects, so neither may stand in for these.
/// </summary>
internal static class UriComponent
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Percent-decodes <paramref name="value"/> as <c>decodeURIComponent</c> does.</summary>
    /// <param name="value">The encoded text.</param>
    /// <param name="decoded">The decoded text, when the result is true.</param>
    /// <returns>False when a <c>%</c> is not followed by two hex digits or the bytes are not UTF-8 (JavaScript throws <c>URIError</c>).</returns>
    public static bool TryDecode(string value, out string decoded)
    {
        ArgumentNullException.ThrowIfNull(value);
        var firstPercent = value.IndexOf('%');
        if (firstPercent < 0)
        {
            decoded = value;
            return true;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '%')
                {
                    if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                    {
                        decoded = string.Empty;
                        return false;
                    }

                    bytes[count++] = (byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2]));
                    i += 2;
                }
                else if (c < 0x80)
                {
                    bytes[count++] = (byte)c;
                }
                else
                {
                    var charCount = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
                    count += Encoding.UTF8.GetBytes(value.AsSpan(i, charCount), bytes.AsSpan(count));
                    i += charCount - 1;
                }
            }

            try
            {
                decoded = StrictUtf8.GetString(bytes, 0, count);
                return true;
            }
            catch (DecoderFallbackException)
            {
                decoded = string.Empty;
                return false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Percent-encodes <paramref name="value"/> as <c>encodeURIComponent</c> does: only <c>A-Z a-z 0-9 - _ . ! ~ * ' ( )</c> stay as they are.</summary>
    /// <param name="value">The text to encode.</param>
    /// <exception cref="ArgumentException">The text holds a lone surrogate (JavaScript throws <c>URIError</c>).</exception>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var i = 0;
        while (i < value.Length && IsUnreserved(value[i])) i++;
        if (i == value.Length) return value;

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, i);
        Span<byte> utf8 = stackalloc byte[4];
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c))
            {
                builder.Append(c);
                continue;
            }

            int length;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                length = Encoding.UTF8.GetBytes(value.AsSpan(i, 2), utf8);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException("The text holds a lone surrogate and cannot be URI-encoded.", nameof(value));
            }
            else
            {
                length = Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            }

            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(ToHex(utf8[b] >> 4)).Append(ToHex(utf8[b] & 0xF));
            }
        }

        return builder.ToString();
    }

    internal static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    internal static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    internal static char ToHex(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    private static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')';
}
