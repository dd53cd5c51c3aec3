using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Manifest;

/// <summary>
/// The segment config a route file declares, with Next.js's names (<c>Dynamic</c>, <c>Revalidate</c>,
/// <c>DynamicParams</c>, <c>GenerateStaticParams</c>, ...). The source generator reads the constants at compile
/// time and rejects values Next.js rejects.
/// </summary>
public sealed record RouteSegmentConfig
{
    /// <summary>No config: dynamic, default options.</summary>
    public static RouteSegmentConfig Default { get; } = new();

    /// <summary><c>Dynamic</c>: <c>auto</c>, <c>force-dynamic</c>, <c>error</c> or <c>force-static</c>.</summary>
    public DynamicMode Dynamic { get; init; } = DynamicMode.Auto;

    /// <summary><c>Revalidate</c>: unset, <c>false</c> or seconds.</summary>
    public RevalidateSetting Revalidate { get; init; }

    /// <summary><c>DynamicParams</c>: whether params not returned by <see cref="GenerateStaticParams"/> are served (true) or 404 (false).</summary>
    public bool DynamicParams { get; init; } = true;

    /// <summary><c>GenerateStaticParams()</c>: the params to prerender, or null when the route does not declare it.</summary>
    public Func<CancellationToken, ValueTask<IReadOnlyList<IReadOnlyDictionary<string, object>>>>? GenerateStaticParams { get; init; }

    /// <summary><c>MaxDuration</c> in seconds, or null.</summary>
    public int? MaxDuration { get; init; }

    /// <summary><c>FetchCache</c> as declared, or null.</summary>
    public string? FetchCache { get; init; }

    /// <summary><c>Runtime</c> as declared (<c>nodejs</c> or <c>edge</c>), or null; accepted for porting, it has no effect on Azure.</summary>
    public string? Runtime { get; init; }

    /// <summary><c>PreferredRegion</c> as declared, or null; accepted for porting, it has no effect on Azure.</summary>
    public string? PreferredRegion { get; init; }
}
