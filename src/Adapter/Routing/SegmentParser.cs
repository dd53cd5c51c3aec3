namespace NextRouteHandlers.Routing;

/// <summary>
/// Classifies folder names of the <c>app/</c> tree and segments of route patterns the way the Next.js
/// App Router does (<c>app-paths.ts</c>, <c>segment.ts</c>, <c>sorted-routes.ts</c>).
/// </summary>
/// <remarks>This file is shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal static class SegmentParser
{
    private static readonly string[] InterceptionMarkers = { "(..)(..)", "(.)", "(..)", "(...)" };

    /// <summary>Classifies one folder name of the <c>app/</c> tree.</summary>
    /// <param name="folderName">The folder name exactly as it is on disk.</param>
    public static RouteSegment ParseFolder(string folderName)
    {
        if (folderName is null) throw new ArgumentNullException(nameof(folderName));
        if (folderName.Length > 0 && folderName[0] == '_') return new RouteSegment(SegmentKind.Private, folderName);
        if (folderName.Length > 0 && folderName[0] == '@') return new RouteSegment(SegmentKind.ParallelSlot, folderName);
        foreach (var marker in InterceptionMarkers)
        {
            if (folderName.StartsWith(marker, StringComparison.Ordinal)) return new RouteSegment(SegmentKind.Interception, folderName);
        }

        if (folderName.Length >= 2 && folderName[0] == '(' && folderName[folderName.Length - 1] == ')')
        {
            return new RouteSegment(SegmentKind.Group, folderName);
        }

        return ParsePatternSegment(UnescapeUnderscore(folderName));
    }

    /// <summary>Classifies one segment of a route pattern: a literal, <c>[x]</c>, <c>[...x]</c> or <c>[[...x]]</c>.</summary>
    /// <param name="segment">One segment of a normalised pattern such as <c>/items/[slug]</c>.</param>
    public static RouteSegment ParsePatternSegment(string segment)
    {
        if (segment is null) throw new ArgumentNullException(nameof(segment));
        var open = segment.IndexOf('[');
        var close = segment.LastIndexOf(']');
        if (open < 0 && close < 0) return new RouteSegment(SegmentKind.Static, segment);
        if (open != 0 || close != segment.Length - 1) return Invalid(segment, SegmentError.PartialDynamic);

        var optional = segment.StartsWith("[[", StringComparison.Ordinal) && segment.EndsWith("]]", StringComparison.Ordinal);
        var name = optional ? segment.Substring(2, segment.Length - 4) : segment.Substring(1, segment.Length - 2);
        var catchAll = false;
        if (name.StartsWith("...", StringComparison.Ordinal))
        {
            name = name.Substring(3);
            catchAll = true;
        }

        if (name.StartsWith("[", StringComparison.Ordinal) || name.EndsWith("]", StringComparison.Ordinal)) return Invalid(segment, SegmentError.ExtraBrackets);
        if (name.StartsWith(".", StringComparison.Ordinal)) return Invalid(segment, SegmentError.ErroneousPeriods);
        if (name.IndexOf('[') >= 0 || name.IndexOf(']') >= 0) return Invalid(segment, SegmentError.PartialDynamic);
        if (name.Length == 0) return Invalid(segment, SegmentError.EmptyName);
        if (optional && !catchAll) return Invalid(segment, SegmentError.OptionalNotCatchAll);

        var kind = optional ? SegmentKind.OptionalCatchAll : catchAll ? SegmentKind.CatchAll : SegmentKind.Dynamic;
        return new RouteSegment(kind, name);
    }

    /// <summary>Splits a normalised route pattern (<c>/</c>, <c>/items/[slug]</c>) into its URL segments.</summary>
    /// <param name="pattern">A pattern as the manifest stores it: leading <c>/</c>, no groups, no trailing slash.</param>
    /// <exception cref="FormatException">The pattern does not start with <c>/</c> or contains an invalid segment.</exception>
    public static RouteSegment[] ParsePattern(string pattern)
    {
        if (pattern is null) throw new ArgumentNullException(nameof(pattern));
        if (pattern.Length == 0 || pattern[0] != '/') throw new FormatException("A route pattern must start with '/': '" + pattern + "'.");
        if (pattern.Length == 1) return new RouteSegment[0];
        // parts[0] is the empty string before the leading '/' (split as it is, rather than copied without it first).
        var parts = pattern.Split('/');
        var segments = new RouteSegment[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) throw new FormatException("A route pattern may not contain empty segments: '" + pattern + "'.");
            var segment = segments[i - 1] = ParsePatternSegment(parts[i]);
            if (segment.Kind == SegmentKind.Invalid) throw new FormatException("Invalid segment '" + parts[i] + "' in route pattern '" + pattern + "': " + Describe(segment));
        }

        return segments;
    }

    /// <summary>A sentence a user understands for a rejected folder name, in the words Next.js uses where it has them.</summary>
    /// <param name="segment">A segment of kind <see cref="SegmentKind.Invalid"/>.</param>
    public static string Describe(RouteSegment segment) => segment.Error switch
    {
        SegmentError.ExtraBrackets => "Segment names may not start or end with extra brackets ('" + segment.Value + "').",
        SegmentError.ErroneousPeriods => "Segment names may not start with erroneous periods ('" + segment.Value + "').",
        SegmentError.OptionalNotCatchAll => "Optional route parameters are not supported ('" + segment.Value + "'); use an optional catch-all '[[..." + InnerName(segment.Value) + "]]' or a required '[" + InnerName(segment.Value) + "]'.",
        SegmentError.PartialDynamic => "Partial dynamic segments are not supported ('" + segment.Value + "'); the whole folder name must be the parameter, such as '[id]'.",
        SegmentError.EmptyName => "Parameter names may not be empty ('" + segment.Value + "').",
        _ => "'" + segment.Value + "' is a valid segment.",
    };

    /// <summary>Replaces the escaped underscore <c>%5F</c> (either case) with <c>_</c>, so <c>%5Fhidden</c> serves <c>/_hidden</c>.</summary>
    /// <param name="folderName">A folder name that is not private.</param>
    public static string UnescapeUnderscore(string folderName)
    {
        if (folderName.IndexOf('%') < 0) return folderName;
        return folderName.Replace("%5F", "_").Replace("%5f", "_");
    }

    private static string InnerName(string text) => text.Trim('[', ']', '.');

    private static RouteSegment Invalid(string text, SegmentError error) => new RouteSegment(SegmentKind.Invalid, text, error);
}
