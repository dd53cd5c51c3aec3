namespace NextRouteHandlers.Proxy;

/// <summary>
/// One token of a parsed <see cref="PathPattern"/>: either literal text, or a parameter (<c>:name</c>, <c>(regex)</c>,
/// or a <c>{prefix:name suffix}</c> group) with its prefix, suffix, regular expression and modifier.
/// </summary>
/// <remarks>This file is shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal sealed class PathToken
{
    private PathToken(string? literal, string name, bool isNamed, string prefix, string suffix, string pattern, string modifier)
    {
        Literal = literal;
        IsNamed = isNamed;
        Name = name;
        Prefix = prefix;
        Suffix = suffix;
        Pattern = pattern;
        Modifier = modifier;
    }

    /// <summary>The text of a literal token, or null for a parameter.</summary>
    public string? Literal { get; }

    /// <summary>The parameter name: the <c>:name</c>, or the index of an unnamed <c>(regex)</c> group as text; empty for a group without a parameter.</summary>
    public string Name { get; }

    /// <summary>True for a <c>:name</c> parameter; false for unnamed <c>(regex)</c> groups (which Next.js leaves out of the params) and for literals.</summary>
    public bool IsNamed { get; }

    /// <summary>Text matched before the value (<c>/</c> in <c>/:name</c>); left out with the value when an optional parameter is absent.</summary>
    public string Prefix { get; }

    /// <summary>Text matched after the value (only in <c>{...}</c> groups).</summary>
    public string Suffix { get; }

    /// <summary>The regular expression of the value; empty for a group without a parameter.</summary>
    public string Pattern { get; }

    /// <summary><c>?</c> (optional), <c>*</c> (zero or more), <c>+</c> (one or more) or empty.</summary>
    public string Modifier { get; }

    /// <summary>True for a parameter, false for literal text.</summary>
    public bool IsParameter => Literal is null;

    /// <summary>True when the parameter may be absent (<c>?</c> or <c>*</c>).</summary>
    public bool IsOptional => Modifier == "?" || Modifier == "*";

    /// <summary>True when the parameter may repeat (<c>*</c> or <c>+</c>); its value then spans several segments.</summary>
    public bool IsRepeated => Modifier == "*" || Modifier == "+";

    /// <summary>A literal token.</summary>
    /// <param name="text">The text.</param>
    public static PathToken Text(string text) => new(text, string.Empty, false, string.Empty, string.Empty, string.Empty, string.Empty);

    /// <summary>A parameter token.</summary>
    /// <param name="name">The name, or the index of an unnamed group.</param>
    /// <param name="isNamed">True for <c>:name</c>, false for an unnamed group.</param>
    /// <param name="prefix">Text before the value.</param>
    /// <param name="suffix">Text after the value.</param>
    /// <param name="pattern">The value's regular expression.</param>
    /// <param name="modifier"><c>?</c>, <c>*</c>, <c>+</c> or empty.</param>
    public static PathToken Parameter(string name, bool isNamed, string prefix, string suffix, string pattern, string modifier) => new(null, name, isNamed, prefix, suffix, pattern, modifier);
}
