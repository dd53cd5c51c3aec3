namespace NextRouteHandlers.Routing;

/// <summary>Why a folder name cannot be a route segment.</summary>
/// <remarks>This file is shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal enum SegmentError
{
    /// <summary>The name is valid.</summary>
    None,

    /// <summary>A parameter name with extra brackets, such as <c>[[x]</c> or <c>[x]]</c>.</summary>
    ExtraBrackets,

    /// <summary>A parameter name that starts with a period after the catch-all dots, such as <c>[....x]</c>.</summary>
    ErroneousPeriods,

    /// <summary>An optional parameter that is not a catch-all, <c>[[x]]</c>; Next.js does not support it.</summary>
    OptionalNotCatchAll,

    /// <summary>A segment mixing literal text and a parameter, such as <c>post-[id]</c>.</summary>
    PartialDynamic,

    /// <summary>A parameter with no name, such as <c>[]</c> or <c>[...]</c>.</summary>
    EmptyName,
}
