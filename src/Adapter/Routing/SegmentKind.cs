namespace NextRouteHandlers.Routing;

/// <summary>What a folder name under <c>app/</c> means for the URL, following the Next.js App Router conventions.</summary>
/// <remarks>This file is shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal enum SegmentKind
{
    /// <summary>A literal URL segment such as <c>about</c> (or <c>%5Fhidden</c>, which serves <c>_hidden</c>).</summary>
    Static,

    /// <summary>A dynamic segment <c>[id]</c>: exactly one non-empty URL segment.</summary>
    Dynamic,

    /// <summary>A catch-all segment <c>[...slug]</c>: one or more URL segments.</summary>
    CatchAll,

    /// <summary>An optional catch-all segment <c>[[...slug]]</c>: zero or more URL segments.</summary>
    OptionalCatchAll,

    /// <summary>A route group <c>(name)</c>: organisational only, removed from the URL.</summary>
    Group,

    /// <summary>A private folder <c>_name</c>: the folder and everything below it is not routed.</summary>
    Private,

    /// <summary>A parallel-route slot <c>@name</c>: supported by Next.js for pages only.</summary>
    ParallelSlot,

    /// <summary>An intercepting-route marker such as <c>(.)x</c> or <c>(..)x</c>: pages only.</summary>
    Interception,

    /// <summary>A folder name that Next.js rejects at build time (see <see cref="SegmentError"/>).</summary>
    Invalid,
}
