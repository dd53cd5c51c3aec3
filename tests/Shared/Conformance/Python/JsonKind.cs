namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The type a JSON value has once Python's <c>json</c> module has read it. replay.py compares values with Python's
/// rules, which tell an integer (<c>1</c>) from a float (<c>1.0</c>, <c>1e2</c>) and count a boolean as a number.
/// </summary>
public enum JsonKind
{
    /// <summary><c>null</c> (Python's <c>None</c>).</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A number written without a fraction or an exponent.</summary>
    Integer,

    /// <summary>A number written with a fraction or an exponent.</summary>
    Float,

    /// <summary>A string.</summary>
    String,

    /// <summary>An array (Python list).</summary>
    Array,

    /// <summary>An object (Python dict).</summary>
    Object,
}
