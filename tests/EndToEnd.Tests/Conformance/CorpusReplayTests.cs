using NextRouteHandlers.Testing.Conformance;
using Xunit.Abstractions;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// What a class replaying a corpus against a server does for each case: replay it, write what it sent, got and which
/// profile rules and overrides (with their reasons) shaped it to the test output, and fail with the differences.
/// A subclass names the server (its class fixture) and the corpus (its theory's data, in file order).
/// </summary>
/// <param name="server">The server.</param>
/// <param name="output">The test output.</param>
public abstract class CorpusReplayTests(ReplayServer server, ITestOutputHelper output)
{
    private const int ServerLinesShown = 40;

    /// <summary>Replays one case and fails the test when a step differs.</summary>
    /// <param name="replay">The case.</param>
    protected async Task ReplayAsync(ReplayCase replay)
    {
        var corpus = ConformanceCorpus.Named(replay.Corpus);
        var result = await server.ReplayerFor(corpus).RunAsync(replay.Resolve());
        var description = result.Describe();
        output.WriteLine(description);
        if (!result.Passed)
        {
            var serverLines = server.Output.Split('\n').TakeLast(ServerLinesShown);
            Assert.Fail($"{description}\nserver output (last {ServerLinesShown} lines):\n{string.Join('\n', serverLines)}");
        }
    }
}
