using NextRouteHandlers.Testing.Conformance;
using Xunit.Abstractions;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// The 90 cases recorded from Next.js 16.4.6 against nextjs-app, replayed against its port, tests/ConformanceApp,
/// with the adapter profile and tests/Conformance/overrides.json: one test per case, in file order.
/// </summary>
/// <param name="server">The app.</param>
/// <param name="output">The test output.</param>
[Collection(ConformanceCollection.Name)]
[TestCaseOrderer(CorpusOrder.TypeName, CorpusOrder.AssemblyName)]
public sealed class NextjsAppCorpusTests(ConformanceAppServer server, ITestOutputHelper output)
    : CorpusReplayTests(server, output), IClassFixture<ConformanceAppServer>
{
    /// <summary>The cases, in file order.</summary>
    public static TheoryData<ReplayCase> Cases => ReplayCase.All(ConformanceCorpus.NextjsApp);

    /// <summary>Replays one case against tests/ConformanceApp.</summary>
    /// <param name="replay">The case.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public Task Replays(ReplayCase replay) => ReplayAsync(replay);
}
