namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>body.json: deep equality with markers, as replay.py compares it.</summary>
public sealed class JsonMatcherTests
{
    [Fact]
    public void A_type_marker_rejects_a_value_of_another_type()
    {
        const string expect = """{"body": {"json": {"counter": {"$type": "number"}}}}""";

        Assert.Empty(Responses.Check(expect, Responses.Make(body: """{"counter": 1.5}""")));
        Assert.Equal(["json $.counter: expected type number, got \"7\""], Responses.Check(expect, Responses.Make(body: """{"counter": "7"}""")));
        Assert.Equal(["json $.counter: expected type number, got true"], Responses.Check(expect, Responses.Make(body: """{"counter": true}""")));
    }

    [Fact]
    public void A_regex_marker_is_searched_in_the_origin_normalized_string()
    {
        const string expect = """{"body": {"json": {"url": {"$regex": "^http://ORIGIN/req\\?a=1$"}}}}""";

        Assert.Empty(Responses.Check(expect, Responses.Make(body: """{"url": "http://localhost:3000/req?a=1"}""")));
        Assert.Equal(
            ["json $.url: \"http://public.example/req?a=1\" !~ /^http://ORIGIN/req\\?a=1$/"],
            Responses.Check(expect, Responses.Make(body: """{"url": "http://public.example/req?a=1"}""")));
    }

    [Fact]
    public void Every_key_must_match_but_an_ignored_key_may_be_absent_and_an_any_key_must_exist()
    {
        const string expect = """{"body": {"json": {"a": 1, "b": {"$ignore": true}, "c": {"$any": true}}}}""";

        Assert.Empty(Responses.Check(expect, Responses.Make(body: """{"a": 1, "c": null}""")));
        Assert.Empty(Responses.Check(expect, Responses.Make(body: """{"a": 1, "b": [1], "c": "x"}""")));
        Assert.Equal(["json $: keys differ (missing [c], unexpected [])"], Responses.Check(expect, Responses.Make(body: """{"a": 1}""")));
        Assert.Equal(["json $: keys differ (missing [], unexpected [d])"], Responses.Check(expect, Responses.Make(body: """{"a": 1, "c": 0, "d": 0}""")));
        Assert.Equal(["json $.a: expected 1, got 2"], Responses.Check(expect, Responses.Make(body: """{"a": 2, "c": 0}""")));
    }

    [Fact]
    public void A_list_ignoring_marker_drops_the_ignored_values_before_comparing()
    {
        const string expect = """{"body": {"json": {"$listIgnoring": {"items": ["accept", "x-test"], "ignore": ["x-forwarded-for"]}}}}""";

        Assert.Empty(Responses.Check(expect, Responses.Make(body: """["accept", "x-forwarded-for", "x-test"]""")));
        Assert.Empty(Responses.Check(expect, Responses.Make(body: """["accept", "x-test"]""")));
        Assert.Equal(["json $[1]: expected \"x-test\", got \"x-other\""], Responses.Check(expect, Responses.Make(body: """["accept", "x-other"]""")));
    }

    [Fact]
    public void Numbers_compare_by_value_and_a_boolean_is_not_an_expected_number()
    {
        Assert.Empty(Responses.Check("""{"body": {"json": {"n": 1}}}""", Responses.Make(body: """{"n": 1.0}""")));
        Assert.Equal(["json $.n: expected 1, got true"], Responses.Check("""{"body": {"json": {"n": 1}}}""", Responses.Make(body: """{"n": true}""")));
        Assert.Equal(["json $.n: expected 1, got \"1\""], Responses.Check("""{"body": {"json": {"n": 1}}}""", Responses.Make(body: """{"n": "1"}""")));
    }

    [Fact]
    public void Placeholders_in_expected_strings_stand_for_the_server()
    {
        const string expect = """{"body": {"json": {"host": "{{host}}", "port": "{{port}}"}}}""";

        Assert.Empty(Responses.Check(expect, Responses.Make(body: """{"host": "127.0.0.1:3131", "port": "3131"}""")));
        Assert.Equal(["json $.port: expected \"3131\", got \"80\""], Responses.Check(expect, Responses.Make(body: """{"host": "127.0.0.1:3131", "port": "80"}""")));
    }

    [Fact]
    public void A_body_that_is_not_json_fails_the_json_check()
    {
        Assert.Equal(["body: not JSON: \"<html>\""], Responses.Check("""{"body": {"json": {}}}""", Responses.Make(body: "<html>")));
    }
}
