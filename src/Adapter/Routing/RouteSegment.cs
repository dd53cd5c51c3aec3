namespace NextRouteHandlers.Routing;

/// <summary>One folder name of the <c>app/</c> tree, classified.</summary>
/// <remarks>This file is shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal readonly struct RouteSegment : IEquatable<RouteSegment>
{
    /// <summary>Creates a classified segment.</summary>
    /// <param name="kind">What the folder means for the URL.</param>
    /// <param name="value">The literal URL text for <see cref="SegmentKind.Static"/>, the parameter name for the dynamic kinds, the folder name otherwise.</param>
    /// <param name="error">Why the folder name is rejected, for <see cref="SegmentKind.Invalid"/>.</param>
    public RouteSegment(SegmentKind kind, string value, SegmentError error = SegmentError.None)
    {
        Kind = kind;
        Value = value;
        Error = error;
    }

    /// <summary>What the folder means for the URL.</summary>
    public SegmentKind Kind { get; }

    /// <summary>The literal URL text, the parameter name, or (for the other kinds) the folder name as written.</summary>
    public string Value { get; }

    /// <summary>Why the folder name is rejected; <see cref="SegmentError.None"/> unless <see cref="Kind"/> is <see cref="SegmentKind.Invalid"/>.</summary>
    public SegmentError Error { get; }

    /// <summary>True for <see cref="SegmentKind.Dynamic"/>, <see cref="SegmentKind.CatchAll"/> and <see cref="SegmentKind.OptionalCatchAll"/>.</summary>
    public bool IsParameter => Kind is SegmentKind.Dynamic or SegmentKind.CatchAll or SegmentKind.OptionalCatchAll;

    /// <summary>True when the segment appears in the URL (a literal or a parameter).</summary>
    public bool IsInUrl => Kind == SegmentKind.Static || IsParameter;

    /// <summary>The segment as it is written in a route pattern: <c>about</c>, <c>[id]</c>, <c>[...slug]</c> or <c>[[...slug]]</c>.</summary>
    public string ToPatternText() => Kind switch
    {
        SegmentKind.Dynamic => "[" + Value + "]",
        SegmentKind.CatchAll => "[..." + Value + "]",
        SegmentKind.OptionalCatchAll => "[[..." + Value + "]]",
        _ => Value,
    };

    /// <inheritdoc />
    public bool Equals(RouteSegment other) => Kind == other.Kind && Error == other.Error && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RouteSegment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Kind * 397) ^ StringComparer.Ordinal.GetHashCode(Value ?? string.Empty);

    /// <inheritdoc />
    public override string ToString() => Kind + ":" + Value;
}
