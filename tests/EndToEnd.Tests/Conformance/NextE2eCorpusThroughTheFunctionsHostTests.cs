using NextRouteHandlers.Testing.Conformance;
using Xunit.Abstractions;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// The same 54 cases as <see cref="NextE2eCorpusTests"/>, replayed through the stand-in Functions host against
/// tests/NextE2eApp published as an isolated worker, with the host's own differences from
/// tests/Conformance/e2e/overrides.e2e.functions-host.json. One test per case, in file order.
/// </summary>
/// <param name="server">The host and its worker.</param>
/// <param name="output">The test output.</param>
[Collection(ConformanceCollection.Name)]
[TestCaseOrderer(CorpusOrder.TypeName, CorpusOrder.AssemblyName)]
public sealed class NextE2eCorpusThroughTheFunctionsHostTests(NextE2eFunctionsHostServer server, ITestOutputHelper output)
    : CorpusReplayTests(server, output), IClassFixture<NextE2eFunctionsHostServer>
{
    /// <summary>The cases, in file order.</summary>
    public static TheoryData<ReplayCase> Cases => ReplayCase.All(ConformanceCorpus.AppRoutesE2e);

    /// <summary>Replays one case through the host.</summary>
    /// <param name="replay">The case.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public Task Replays(ReplayCase replay) => ReplayAsync(replay);
}
