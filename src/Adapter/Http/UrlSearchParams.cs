using System.Collections;
using System.Text;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Http;

/// <summary>
/// The WHATWG <c>URLSearchParams</c>: an ordered list of name/value pairs parsed from a query string, where
/// <c>+</c> and <c>%20</c> both mean a space, repeated names are kept in order, and <see cref="ToString"/>
/// re-serialises in the <c>application/x-www-form-urlencoded</c> form Next.js shows in <c>nextUrl.search</c>.
/// </summary>
public sealed class UrlSearchParams : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];
    private readonly bool _readOnly;

    /// <summary>Creates an empty list.</summary>
    public UrlSearchParams()
    {
    }

    /// <summary>Parses a query string, with or without its leading <c>?</c>.</summary>
    /// <param name="query">The raw query string.</param>
    public UrlSearchParams(string? query)
    {
        if (string.IsNullOrEmpty(query)) return;
        var span = query.AsSpan();
        if (span[0] == '?') span = span[1..];
        while (!span.IsEmpty)
        {
            var amp = span.IndexOf('&');
            var part = amp < 0 ? span : span[..amp];
            span = amp < 0 ? [] : span[(amp + 1)..];
            if (part.IsEmpty) continue;
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? [] : part[(eq + 1)..];
            _pairs.Add(new(FormDecode(name), FormDecode(value)));
        }
    }

    private UrlSearchParams(bool readOnly) => _readOnly = readOnly;

    /// <summary>The number of pairs.</summary>
    public int Size => _pairs.Count;

    /// <summary>An empty list whose mutators throw, as a <c>force-static</c> handler sees it.</summary>
    public static UrlSearchParams EmptyReadOnly() => new(readOnly: true);

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    /// <param name="name">The parameter name (case-sensitive).</param>
    public string? Get(string name)
    {
        foreach (var pair in _pairs)
        {
            if (pair.Key == name) return pair.Value;
        }

        return null;
    }

    /// <summary>Every value of <paramref name="name"/>, in order.</summary>
    /// <param name="name">The parameter name (case-sensitive).</param>
    public IReadOnlyList<string> GetAll(string name) => _pairs.Where(p => p.Key == name).Select(p => p.Value).ToArray();

    /// <summary>True when <paramref name="name"/> is present.</summary>
    /// <param name="name">The parameter name (case-sensitive).</param>
    public bool Has(string name) => _pairs.Exists(p => p.Key == name);

    /// <summary>Adds a pair at the end.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    public void Append(string name, string value)
    {
        ThrowIfReadOnly();
        _pairs.Add(new(name, value));
    }

    /// <summary>Replaces the first pair named <paramref name="name"/> and removes the others; appends when absent.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    public void Set(string name, string value)
    {
        ThrowIfReadOnly();
        var index = _pairs.FindIndex(p => p.Key == name);
        if (index < 0)
        {
            _pairs.Add(new(name, value));
            return;
        }

        _pairs[index] = new(name, value);
        for (var i = _pairs.Count - 1; i > index; i--)
        {
            if (_pairs[i].Key == name) _pairs.RemoveAt(i);
        }
    }

    /// <summary>Removes every pair named <paramref name="name"/>.</summary>
    /// <param name="name">The parameter name.</param>
    public void Delete(string name)
    {
        ThrowIfReadOnly();
        _pairs.RemoveAll(p => p.Key == name);
    }

    /// <summary>The pairs serialised as <c>application/x-www-form-urlencoded</c>, without a leading <c>?</c>.</summary>
    public override string ToString()
    {
        if (_pairs.Count == 0) return string.Empty;
        var builder = new StringBuilder();
        foreach (var pair in _pairs)
        {
            if (builder.Length > 0) builder.Append('&');
            FormEncode(builder, pair.Key);
            builder.Append('=');
            FormEncode(builder, pair.Value);
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void ThrowIfReadOnly()
    {
        if (_readOnly) throw new InvalidOperationException("The search params of a force-static request are read-only.");
    }

    private static string FormDecode(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('+', '%') < 0) return text.ToString();
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < text.Length && UriComponent.IsHex(text[i + 1]) && UriComponent.IsHex(text[i + 2]))
            {
                bytes.Add((byte)((UriComponent.HexValue(text[i + 1]) << 4) | UriComponent.HexValue(text[i + 2])));
                i += 2;
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(text.Slice(i, length), utf8);
                for (var b = 0; b < written; b++) bytes.Add(utf8[b]);
                i += length - 1;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static void FormEncode(StringBuilder builder, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b == ' ') builder.Append('+');
            else if (b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_' or (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')) builder.Append((char)b);
            else builder.Append('%').Append(UriComponent.ToHex(b >> 4)).Append(UriComponent.ToHex(b & 0xF));
        }
    }
}
