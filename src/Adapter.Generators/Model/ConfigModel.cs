namespace NextRouteHandlers.Generators.Model;

/// <summary>The segment config constants of a route file, already validated; null where the file does not set one.</summary>
/// <param name="Dynamic">The Next.js value (<c>force-static</c>, ...).</param>
/// <param name="Revalidate">The revalidation setting.</param>
/// <param name="DynamicParams">Whether unknown params render on demand.</param>
/// <param name="MaxDuration">Seconds.</param>
/// <param name="FetchCache">The Next.js value.</param>
/// <param name="Runtime">The Next.js value.</param>
/// <param name="PreferredRegion">As written.</param>
/// <param name="GenerateStaticParams">The route class's <c>GenerateStaticParams</c> method.</param>
internal sealed record ConfigModel(
    string? Dynamic,
    RevalidateModel? Revalidate,
    bool? DynamicParams,
    int? MaxDuration,
    string? FetchCache,
    string? Runtime,
    string? PreferredRegion,
    StaticParamsModel? GenerateStaticParams)
{
    public static ConfigModel Empty { get; } = new(null, null, null, null, null, null, null, null);

    public bool IsEmpty => Equals(Empty);
}

/// <summary><c>Revalidate</c>: <c>false</c> (never) or a number of seconds.</summary>
/// <param name="Never">True for <c>false</c>.</param>
/// <param name="Seconds">The seconds when not <paramref name="Never"/>.</param>
internal sealed record RevalidateModel(bool Never, int Seconds)
{
    public static RevalidateModel NeverAgain { get; } = new(true, 0);

    public static RevalidateModel After(int seconds) => new(false, seconds);
}

/// <summary>How to call a route's <c>GenerateStaticParams</c>.</summary>
/// <param name="MethodName">The method, on the route class.</param>
/// <param name="TakesCancellationToken">True when it takes a <c>CancellationToken</c>.</param>
/// <param name="Awaited">True when it returns a <c>Task</c> or <c>ValueTask</c>.</param>
internal sealed record StaticParamsModel(string MethodName, bool TakesCancellationToken, bool Awaited);
