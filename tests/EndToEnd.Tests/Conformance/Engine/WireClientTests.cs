using System.Text.Json.Nodes;
using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>What goes on the wire for a step, and how a response is read: exactly as replay.py's http.client does it.</summary>
public sealed class WireClientTests
{
    private static readonly string[] Empty200 = ["HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"];

    [Fact]
    public async Task A_request_goes_out_as_written_with_only_host_and_accept_encoding_added()
    {
        await using var server = new ScriptedServer(_ => Empty200);
        var step = Step("""{"method": "get", "path": "//items/alpha?q=a+b", "headers": {"X-B": "2", "x-a": "1"}}""");

        await Send(server, step);

        Assert.Equal($"get //items/alpha?q=a+b HTTP/1.1\r\nHost: 127.0.0.1:{server.BaseAddress.Port}\r\nAccept-Encoding: identity\r\nX-B: 2\r\nx-a: 1\r\n\r\n", server.Requests.Single());
    }

    [Fact]
    public async Task A_host_of_the_case_replaces_the_automatic_one_and_a_body_gets_a_content_length()
    {
        await using var server = new ScriptedServer(_ => Empty200);
        var step = Step("""{"method": "POST", "path": "/body/text", "headers": {"Host": "public.example:8080", "Accept-Encoding": "gzip"}, "body": "héllo"}""");

        await Send(server, step);

        Assert.Equal("POST /body/text HTTP/1.1\r\nHost: public.example:8080\r\nAccept-Encoding: gzip\r\nContent-Length: 6\r\n\r\nh\u00c3\u00a9llo", server.Requests.Single());
    }

    [Fact]
    public async Task Chunks_sent_apart_arrive_as_separate_timed_reads()
    {
        var pause = TimeSpan.FromMilliseconds(150);
        await using var server = new ScriptedServer(_ => ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "5\r\nchunk\r\n", pause, "3;ext=1\r\n-1-\r\n", pause, "3\r\n-2-\r\n0\r\n\r\n"]);

        var response = await Send(server, Step("""{"method": "GET", "path": "/stream/chunks"}"""));

        Assert.Equal("chunk-1--2-", response.BodyText);
        Assert.Equal([5, 3, 3], response.Reads.Select(r => r.Bytes));
        Assert.True(response.Reads[^1].AtMs - response.Reads[0].AtMs >= 250, string.Join(", ", response.Reads));
        Assert.Empty(StepChecker.Check(new StepCheckContext(Responses.Target, s => s, [response]), new JsonObject { ["stream"] = new JsonObject { ["minReads"] = 3, ["minSpanMs"] = 250 } }));
    }

    [Fact]
    public async Task A_chunked_body_sent_at_once_is_still_read_chunk_by_chunk_but_without_a_time_span()
    {
        await using var server = new ScriptedServer(_ => ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nchunk\r\n3\r\n-1-\r\n0\r\n\r\n"]);

        var response = await Send(server, Step("""{"method": "GET", "path": "/stream/chunks"}"""));

        Assert.Equal([5, 3], response.Reads.Select(r => r.Bytes));
        Assert.Contains(
            "stream: first-to-last data span",
            string.Join(" | ", StepChecker.Check(new StepCheckContext(Responses.Target, s => s, [response]), new JsonObject { ["stream"] = new JsonObject { ["minSpanMs"] = 250 } })),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_lines_are_kept_in_wire_order_and_a_gzip_body_stays_compressed()
    {
        await using var server = new ScriptedServer(_ => ["HTTP/1.1 418 I'm a custom teapot\r\nX-Z: 1\r\nVary: rsc\r\nContent-Encoding: gzip\r\nVary: Origin\r\nContent-Length: 4\r\n\r\n\u001f\u008b\u0008\u0000"]);

        var response = await Send(server, Step("""{"method": "GET", "path": "/", "headers": {"Accept-Encoding": "gzip"}}"""));

        Assert.Equal((418, "I'm a custom teapot"), (response.Status, response.Reason));
        Assert.Equal(["X-Z", "Vary", "Content-Encoding", "Vary", "Content-Length"], response.HeaderLines.Select(h => h.Key));
        Assert.Equal("rsc, Origin", response.Header("vary"));
        Assert.Equal([0x1f, 0x8b, 0x08, 0x00], response.Body);
    }

    [Fact]
    public async Task A_head_response_has_no_body_even_with_a_content_length()
    {
        await using var server = new ScriptedServer(_ => ["HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n"]);

        var response = await Send(server, Step("""{"method": "HEAD", "path": "/methods/all"}"""));

        Assert.Empty(response.Body);
        Assert.Empty(response.Reads);
    }

    private static CaseStep Step(string request) => new((JsonObject)JsonTree.Parse(request)!, [], 0);

    private static Task<WireResponse> Send(ScriptedServer server, CaseStep step)
    {
        var target = new ReplayTarget(server.BaseAddress);
        return WireClient.SendAsync(target, StepRequest.Build(step, target, []), TimeSpan.FromSeconds(10));
    }
}
