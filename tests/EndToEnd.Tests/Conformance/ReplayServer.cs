using System.Collections.Concurrent;
using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// A server a corpus is replayed against, as a class fixture: it starts before the class's first case and stops
/// after its last. Each corpus replayed against it is one replay run (one <c>{{run}}</c> token).
/// </summary>
public abstract class ReplayServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, ConformanceReplayer> _replayers = new(StringComparer.Ordinal);

    /// <summary>Where the cases are sent.</summary>
    public abstract Uri BaseAddress { get; }

    /// <summary>What the server logged so far, for failure messages.</summary>
    public abstract string Output { get; }

    /// <summary>The replay run of <paramref name="corpus"/> against this server.</summary>
    /// <param name="corpus">The corpus.</param>
    public ConformanceReplayer ReplayerFor(ConformanceCorpus corpus) =>
        _replayers.GetOrAdd(corpus.Name, _ => HostingOverridesFile(corpus) is { } file ? corpus.ReplayerFor(BaseAddress, file) : corpus.ReplayerFor(BaseAddress));

    /// <summary>
    /// The overrides file (relative to tests/Conformance) of differences this server's hosting makes on purpose, on
    /// top of the corpus's own; null when there are none.
    /// </summary>
    /// <param name="corpus">The corpus being replayed.</param>
    protected virtual string? HostingOverridesFile(ConformanceCorpus corpus) => null;

    /// <inheritdoc />
    public abstract Task InitializeAsync();

    /// <inheritdoc />
    public abstract Task DisposeAsync();
}
