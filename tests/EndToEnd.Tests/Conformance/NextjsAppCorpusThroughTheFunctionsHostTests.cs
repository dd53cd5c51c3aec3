using NextRouteHandlers.Testing.Conformance;
using Xunit.Abstractions;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// The same 90 cases as <see cref="NextjsAppCorpusTests"/>, replayed through the stand-in Functions host against
/// tests/ConformanceApp published as an isolated worker: the host's forwarding, the worker's ASP.NET Core integration
/// and the catch-all function between the client and the route handlers. One test per case, in file order.
/// </summary>
/// <param name="server">The host and its worker.</param>
/// <param name="output">The test output.</param>
[Collection(ConformanceCollection.Name)]
[TestCaseOrderer(CorpusOrder.TypeName, CorpusOrder.AssemblyName)]
public sealed class NextjsAppCorpusThroughTheFunctionsHostTests(FunctionsHostServer server, ITestOutputHelper output)
    : CorpusReplayTests(server, output), IClassFixture<FunctionsHostServer>
{
    /// <summary>The cases, in file order.</summary>
    public static TheoryData<ReplayCase> Cases => ReplayCase.All(ConformanceCorpus.NextjsApp);

    /// <summary>Replays one case through the host.</summary>
    /// <param name="replay">The case.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public Task Replays(ReplayCase replay) => ReplayAsync(replay);
}
