namespace NextRouteHandlers.Proxy;

/// <summary>What a lexeme of a path pattern is.</summary>
internal enum PathLexemeKind
{
    /// <summary><c>*</c>, <c>+</c> or <c>?</c>.</summary>
    Modifier,

    /// <summary>A character after <c>\</c>.</summary>
    Escaped,

    /// <summary><c>{</c>.</summary>
    Open,

    /// <summary><c>}</c>.</summary>
    Close,

    /// <summary>A <c>:name</c>, without the colon.</summary>
    Name,

    /// <summary>A <c>(pattern)</c>, without the parentheses.</summary>
    Pattern,

    /// <summary>Any other character.</summary>
    Char,

    /// <summary>The end of the text.</summary>
    End,
}

/// <summary>One lexeme of a path pattern: its kind, where it starts and its text.</summary>
internal readonly struct PathLexeme
{
    /// <summary>Creates a lexeme.</summary>
    public PathLexeme(PathLexemeKind kind, int index, string value)
    {
        Kind = kind;
        Index = index;
        Value = value;
    }

    /// <summary>What the lexeme is.</summary>
    public PathLexemeKind Kind { get; }

    /// <summary>Where it starts in the pattern, for messages.</summary>
    public int Index { get; }

    /// <summary>Its text.</summary>
    public string Value { get; }
}
