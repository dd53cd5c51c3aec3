namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>The body rules and the status check.</summary>
public sealed class BodyMatchersTests
{
    [Fact]
    public void The_status_is_compared_exactly()
    {
        Assert.Equal(["status: expected 404, got 200"], Responses.Check("""{"status": 404}""", Responses.Make()));
    }

    [Fact]
    public void Equals_contains_regex_and_empty_each_report_their_own_difference()
    {
        var response = Responses.Make(body: "hello, world");

        Assert.Empty(Responses.Check("""{"body": {"equals": "hello, world", "contains": ["hello", "world"], "regex": "^h.*d$", "empty": false}}""", response));
        Assert.Equal(
            [
                "body: expected empty, got 12 bytes",
                "body: expected \"hello\", got \"hello, world\"",
                "body: does not contain \"404\" (got \"hello, world\")",
                "body: \"hello, world\" !~ /^world/",
            ],
            Responses.Check("""{"body": {"equals": "hello", "contains": "404", "regex": "^world", "empty": true}}""", response));
    }

    [Fact]
    public void Fields_compare_one_json_value_with_an_earlier_step()
    {
        var first = Responses.Make(body: """{"nonce": "a", "counter": 1}""");
        var again = Responses.Make(body: """{"nonce": "a", "counter": 2}""");
        const string expect = """{"body": {"fields": [{"path": "nonce", "differsFromStep": 0}, {"path": "counter", "sameAsStep": 0}, {"path": "absent", "sameAsStep": 0}]}}""";

        Assert.Equal(
            [
                "field nonce: expected different from step 0 (\"a\" vs \"a\")",
                "field counter: expected same as step 0 (2 vs 1)",
                "field absent missing",
            ],
            Responses.Check(expect, first, again));
    }

    [Fact]
    public void Same_as_step_compares_the_raw_body()
    {
        var first = Responses.Make(body: "one");

        Assert.Empty(Responses.Check("""{"body": {"sameAsStep": 0}}""", first, Responses.Make(body: "one")));
        Assert.Equal(["body: expected same as step 0"], Responses.Check("""{"body": {"sameAsStep": 0}}""", first, Responses.Make(body: "two")));
    }
}
