namespace NextRouteHandlers.Generators.Model;

/// <summary>The segment config constants of a route file, already validated, as C# expressions for the emitter.</summary>
internal sealed record ConfigModel(
    string? Dynamic,
    string? Revalidate,
    bool? DynamicParams,
    int? MaxDuration,
    string? FetchCache,
    string? Runtime,
    string? PreferredRegion,
    string? GenerateStaticParams)
{
    public static ConfigModel Empty { get; } = new(null, null, null, null, null, null, null, null);

    public bool IsEmpty => Equals(Empty);
}
