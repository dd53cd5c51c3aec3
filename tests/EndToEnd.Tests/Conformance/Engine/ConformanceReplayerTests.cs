using System.Text.Json.Nodes;
using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>A whole case replayed against a scripted server: steps in order, placeholders from earlier steps, the result's report.</summary>
public sealed class ConformanceReplayerTests
{
    [Fact]
    public async Task A_wrong_answer_fails_the_case_with_each_difference_and_the_step_it_is_in()
    {
        var testCase = Case(
            """{"request": {"method": "GET", "path": "/a"}, "expect": {"status": 200, "headers": {"x-id": {"present": true}}}}""",
            """{"request": {"method": "GET", "path": "/b", "headers": {"X-Seen": "{{step0.x-id}}"}}, "expect": {"status": 200, "headers": {"x-id": {"differsFromStep": 0}}, "body": {"json": {"seen": "one"}}}}""");
        await using var server = new ScriptedServer(request => request.StartsWith("GET /a ", StringComparison.Ordinal)
            ? ["HTTP/1.1 200 OK\r\nX-Id: one\r\nContent-Length: 0\r\n\r\n"]
            : ["HTTP/1.1 200 OK\r\nX-Id: one\r\nContent-Length: 15\r\n\r\n{\"seen\": \"two\"}"]);

        var result = await new ConformanceReplayer(server.BaseAddress, [testCase], null, null, []).RunAsync(testCase);

        Assert.Contains("X-Seen: one\r\n", server.Requests[1], StringComparison.Ordinal);
        Assert.False(result.Passed);
        Assert.Equal(
            ["step 1: header x-id: expected different from step 0 (\"one\" vs \"one\")", "step 1: json $.seen: expected \"one\", got \"two\""],
            result.Errors);
        Assert.StartsWith("FAIL made-up [test]: step 1: header x-id", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_failed_request_not_an_exception()
    {
        var testCase = Case("""{"request": {"method": "GET", "path": "/"}, "expect": {"status": 200}}""");
        var port = NextRouteHandlers.Testing.LoopbackApp.FreePort();

        var result = await new ConformanceReplayer(new Uri($"http://127.0.0.1:{port}/"), [testCase], null, null, []).RunAsync(testCase);

        Assert.StartsWith("step 0: request failed: SocketException", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    private static ConformanceCase Case(params string[] steps) =>
        new("made-up", "test", "a case for the tests", steps.Select(s => (JsonObject)JsonTree.Parse(s)!).Select(s => new CaseStep((JsonObject)s["request"]!.DeepClone(), (JsonObject)s["expect"]!.DeepClone(), 0)).ToArray());
}
