using System.Collections;
using Microsoft.AspNetCore.Http;

namespace NextRouteHandlers.Http;

/// <summary>
/// HTTP headers with the semantics of the Fetch API's <c>Headers</c>: names are case-insensitive and reported in
/// lower case, several values of one name read back joined by <c>", "</c>, and <c>set-cookie</c> values stay
/// separate (<see cref="GetSetCookie"/>). Request headers are read-only; response headers are mutable.
/// </summary>
/// <example>
/// <code>
/// var init = new ResponseInit { Status = 201, Headers = { { "x-handler", "POST" } } };
/// </code>
/// </example>
public sealed class Headers : IEnumerable<KeyValuePair<string, string>>
{
    private const string SetCookie = "set-cookie";
    private readonly List<KeyValuePair<string, string>>? _entries;
    private readonly IHeaderDictionary? _view;
    private readonly bool _readOnly;

    /// <summary>Creates an empty, mutable set of headers.</summary>
    public Headers()
    {
        _entries = [];
    }

    /// <summary>Creates a mutable copy of <paramref name="init"/> (for example <c>new Headers(request.Headers)</c>).</summary>
    /// <param name="init">Name/value pairs; a repeated name appends.</param>
    public Headers(IEnumerable<KeyValuePair<string, string>> init)
        : this()
    {
        ArgumentNullException.ThrowIfNull(init);
        if (init is Headers other)
        {
            foreach (var entry in other.RawEntries()) _entries!.Add(entry);
            return;
        }

        foreach (var pair in init) Append(pair.Key, pair.Value);
    }

    private Headers(IHeaderDictionary? view, List<KeyValuePair<string, string>>? entries)
    {
        _view = view;
        _entries = entries;
        _readOnly = true;
    }

    /// <summary>True when every mutator throws <see cref="ReadOnlyHeadersException"/>.</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>Gets the joined value of a header (see <see cref="Get"/>) or, when set, replaces it (see <see cref="Set"/>).</summary>
    /// <param name="name">The header name, in any case.</param>
    public string? this[string name]
    {
        get => Get(name);
        set
        {
            if (value is null) Delete(name);
            else Set(name, value);
        }
    }

    /// <summary>A read-only view over the request headers of ASP.NET Core, without copying them.</summary>
    /// <param name="requestHeaders">The live request headers.</param>
    public static Headers ReadOnlyView(IHeaderDictionary requestHeaders)
    {
        ArgumentNullException.ThrowIfNull(requestHeaders);
        return new Headers(requestHeaders, null);
    }

    /// <summary>An empty, read-only set, as a <c>force-static</c> handler sees the request headers.</summary>
    public static Headers EmptyReadOnly() => new(null, []);

    /// <summary>All values of <paramref name="name"/> joined by <c>", "</c>, or null when the header is absent.</summary>
    /// <param name="name">The header name, in any case.</param>
    public string? Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_view is not null)
        {
            return _view.TryGetValue(name, out var values) && values.Count > 0 ? values.Count == 1 ? values[0] : string.Join(", ", values.ToArray()) : null;
        }

        string? result = null;
        foreach (var entry in _entries!)
        {
            if (!string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase)) continue;
            result = result is null ? entry.Value : result + ", " + entry.Value;
        }

        return result;
    }

    /// <summary>Each <c>set-cookie</c> value on its own, in the order they were added.</summary>
    public IReadOnlyList<string> GetSetCookie()
    {
        if (_view is not null) return _view.TryGetValue(SetCookie, out var values) ? values.Select(v => v ?? string.Empty).ToArray() : [];
        var result = new List<string>();
        foreach (var entry in _entries!)
        {
            if (string.Equals(entry.Key, SetCookie, StringComparison.Ordinal)) result.Add(entry.Value);
        }

        return result;
    }

    /// <summary>True when the header is present.</summary>
    /// <param name="name">The header name, in any case.</param>
    public bool Has(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_view is not null) return _view.ContainsKey(name);
        foreach (var entry in _entries!)
        {
            if (string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <summary>Replaces every value of <paramref name="name"/> with <paramref name="value"/>.</summary>
    /// <param name="name">A valid header name.</param>
    /// <param name="value">A value without CR, LF or NUL; surrounding whitespace is trimmed as Fetch does.</param>
    public void Set(string name, string value)
    {
        var (key, normalized) = Validate(name, value);
        var index = _entries!.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            _entries.Add(new(key, normalized));
            return;
        }

        _entries[index] = new(key, normalized);
        for (var i = _entries.Count - 1; i > index; i--)
        {
            if (_entries[i].Key == key) _entries.RemoveAt(i);
        }
    }

    /// <summary>Adds a value to <paramref name="name"/>, keeping the values it already has.</summary>
    /// <param name="name">A valid header name.</param>
    /// <param name="value">A value without CR, LF or NUL.</param>
    public void Append(string name, string value)
    {
        var (key, normalized) = Validate(name, value);
        _entries!.Add(new(key, normalized));
    }

    /// <summary>Same as <see cref="Append"/>; lets a collection initializer fill the headers.</summary>
    /// <param name="name">A valid header name.</param>
    /// <param name="value">A value without CR, LF or NUL.</param>
    public void Add(string name, string value) => Append(name, value);

    /// <summary>Removes every value of <paramref name="name"/>.</summary>
    /// <param name="name">The header name, in any case.</param>
    public void Delete(string name)
    {
        ThrowIfReadOnly();
        ArgumentNullException.ThrowIfNull(name);
        _entries!.RemoveAll(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Enumerates as Fetch does: names in lower case and sorted, one pair per name with the joined value, except
    /// <c>set-cookie</c>, which yields one pair per cookie.
    /// </summary>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (_view is not null)
        {
            foreach (var key in _view.Keys) names.Add(key.ToLowerInvariant());
        }
        else
        {
            foreach (var entry in _entries!) names.Add(entry.Key);
        }

        foreach (var name in names)
        {
            if (name == SetCookie)
            {
                foreach (var cookie in GetSetCookie()) yield return new(name, cookie);
            }
            else
            {
                yield return new(name, Get(name)!);
            }
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The entries as a list when the headers own them (a response's), or null for a view of request headers.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>>? RawList => _view is null ? _entries : null;

    /// <summary>Every value as it was added, in order, with lower-case names; what goes on the wire.</summary>
    internal IEnumerable<KeyValuePair<string, string>> RawEntries()
    {
        if (_view is null) return _entries!;
        return _view.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), v ?? string.Empty)));
    }

    private (string Key, string Value) Validate(string name, string value)
    {
        ThrowIfReadOnly();
        return HeaderSyntax.Normalize(name, value);
    }

    private void ThrowIfReadOnly()
    {
        if (_readOnly) throw new ReadOnlyHeadersException();
    }
}
