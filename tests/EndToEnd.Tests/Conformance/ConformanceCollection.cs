namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// The test classes that replay a corpus: one collection, so two of them never run at once (the cases measure
/// stream timing and wait for cache entries to go stale), run after the assembly's other tests and alone, so that
/// a load test beside them cannot starve a stream into one burst.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConformanceCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Conformance replay";
}
