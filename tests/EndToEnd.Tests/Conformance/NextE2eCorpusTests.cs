using NextRouteHandlers.Testing.Conformance;
using Xunit.Abstractions;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// The 54 cases recorded from Next.js 16.4.6 against the fixture of its own app-routes e2e test, replayed against its
/// port, tests/NextE2eApp, with the adapter profile and tests/Conformance/e2e/overrides.e2e.json: one test per case,
/// in file order.
/// </summary>
/// <param name="server">The app.</param>
/// <param name="output">The test output.</param>
[Collection(ConformanceCollection.Name)]
[TestCaseOrderer(CorpusOrder.TypeName, CorpusOrder.AssemblyName)]
public sealed class NextE2eCorpusTests(NextE2eAppServer server, ITestOutputHelper output)
    : CorpusReplayTests(server, output), IClassFixture<NextE2eAppServer>
{
    /// <summary>The cases, in file order.</summary>
    public static TheoryData<ReplayCase> Cases => ReplayCase.All(ConformanceCorpus.AppRoutesE2e);

    /// <summary>Replays one case against tests/NextE2eApp.</summary>
    /// <param name="replay">The case.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public Task Replays(ReplayCase replay) => ReplayAsync(replay);
}
