namespace NextRouteHandlers.Routing;

/// <summary>
/// Orders route patterns the way Next.js sorts dynamic routes (<c>sorted-routes.ts</c>): depth-first over the
/// segment trie, where at each level a route ending there comes first, then static children (ordinal order),
/// then <c>[x]</c>, then <c>[...x]</c>, then <c>[[...x]]</c>. The first pattern in this order that matches a URL wins.
/// </summary>
/// <remarks>This file is shared with the source generator (netstandard2.0); keep it free of newer APIs.</remarks>
internal sealed class RoutePrecedence : IComparer<IReadOnlyList<RouteSegment>>
{
    /// <summary>The single instance.</summary>
    public static readonly RoutePrecedence Instance = new RoutePrecedence();

    private RoutePrecedence()
    {
    }

    /// <inheritdoc />
    public int Compare(IReadOnlyList<RouteSegment>? x, IReadOnlyList<RouteSegment>? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var shared = Math.Min(x.Count, y.Count);
        for (var i = 0; i < shared; i++)
        {
            var rank = Rank(x[i].Kind).CompareTo(Rank(y[i].Kind));
            if (rank != 0) return rank;
            if (x[i].Kind == SegmentKind.Static)
            {
                var text = string.CompareOrdinal(x[i].Value, y[i].Value);
                if (text != 0) return text;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    /// <summary>The rank of a segment kind at one level: lower ranks are tried first.</summary>
    /// <param name="kind">A URL segment kind.</param>
    public static int Rank(SegmentKind kind) => kind switch
    {
        SegmentKind.Static => 0,
        SegmentKind.Dynamic => 1,
        SegmentKind.CatchAll => 2,
        SegmentKind.OptionalCatchAll => 3,
        _ => 4,
    };
}
