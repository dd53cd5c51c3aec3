using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>The stream rules, over the separate socket reads of a body.</summary>
public sealed class StreamMatchersTests
{
    private const string Expect = """{"stream": {"minReads": 3, "minSpanMs": 500, "maxFirstByteMs": 100}}""";

    [Fact]
    public void A_body_delivered_over_time_passes()
    {
        Assert.Empty(Responses.Check(Expect, Responses.Make(body: "abc", reads: [new BodyRead(3, 1), new BodyRead(204, 1), new BodyRead(809, 1)])));
    }

    [Fact]
    public void A_body_delivered_at_once_fails_with_the_reads_and_the_span()
    {
        Assert.Equal(
            ["stream: expected >= 3 separate reads, got 1", "stream: first-to-last data span 0ms < 500ms"],
            Responses.Check(Expect, Responses.Make(body: "abc", reads: [new BodyRead(30, 3)])));
    }

    [Fact]
    public void A_late_first_byte_fails()
    {
        Assert.Equal(
            ["stream: first data at 150ms > 100ms"],
            Responses.Check(Expect, Responses.Make(body: "abc", reads: [new BodyRead(150, 1), new BodyRead(400, 1), new BodyRead(700, 1)])));
        Assert.Contains("stream: first data at none > 100ms", Responses.Check(Expect, Responses.Make()));
    }
}
