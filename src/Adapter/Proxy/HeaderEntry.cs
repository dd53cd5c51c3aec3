namespace NextRouteHandlers.Proxy;

/// <summary>One header of a <see cref="HeaderRule"/> (<c>{ key, value }</c> in next.config).</summary>
public sealed class HeaderEntry
{
    /// <summary>Creates an empty entry, for configuration binding.</summary>
    public HeaderEntry()
    {
    }

    /// <summary>Creates an entry.</summary>
    /// <param name="key">The header name.</param>
    /// <param name="value">The value; <c>:name</c> inserts a parameter of the rule's source.</param>
    public HeaderEntry(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The header name.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The value; <c>:name</c> inserts a parameter of the rule's source or conditions.</summary>
    public string Value { get; set; } = string.Empty;
}
