namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// The test classes that replay a corpus: one collection, so two of them never run at once (the cases measure
/// stream timing and wait for cache entries to go stale).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Conformance replay";
}
