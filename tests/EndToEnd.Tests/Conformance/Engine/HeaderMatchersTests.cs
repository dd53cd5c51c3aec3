namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>The header matchers: exact, present, regex, tokenSet, sameAsStep / differsFromStep.</summary>
public sealed class HeaderMatchersTests
{
    [Fact]
    public void A_missing_header_fails_an_exact_expectation()
    {
        Assert.Equal(["header x-proxy: expected \"passed\", got null"], Responses.Check("""{"headers": {"x-proxy": "passed"}}""", Responses.Make()));
        Assert.Empty(Responses.Check("""{"headers": {"X-Proxy": "passed"}}""", Responses.Make(headers: [("x-PROXY", "passed")])));
    }

    [Fact]
    public void Presence_is_checked_both_ways()
    {
        Assert.Equal(["header etag: expected absent, got \"\\\"abc\\\"\""], Responses.Check("""{"headers": {"etag": {"present": false}}}""", Responses.Make(headers: [("ETag", "\"abc\"")])));
        Assert.Equal(["header etag: expected present, got null"], Responses.Check("""{"headers": {"etag": {"present": true}}}""", Responses.Make()));
    }

    [Fact]
    public void A_regex_fails_on_an_absent_header_and_on_a_value_it_does_not_find()
    {
        const string expect = """{"headers": {"location": {"regex": "^{{origin}}/target$"}}}""";

        Assert.Empty(Responses.Check(expect, Responses.Make(headers: [("Location", "http://localhost:3131/target")])));
        Assert.Equal(["header location: null !~ /^{{origin}}/target$/"], Responses.Check(expect, Responses.Make()));
        Assert.Single(Responses.Check(expect, Responses.Make(headers: [("Location", "/target")])));
    }

    [Fact]
    public void A_token_set_compares_the_remaining_tokens_as_a_set()
    {
        const string expect = """{"headers": {"vary": {"tokenSet": "Origin", "ignoreTokens": ["rsc", "Accept-Encoding"], "caseInsensitive": true}}}""";

        Assert.Empty(Responses.Check(expect, Responses.Make(headers: [("Vary", "rsc, origin, Accept-Encoding")])));
        Assert.Empty(Responses.Check(expect, Responses.Make(headers: [("Vary", "Accept-Encoding"), ("Vary", "Origin")])));
        Assert.Equal(
            ["header vary: expected tokens {origin} (ignoring accept-encoding, rsc), got \"rsc, Accept-Encoding\""],
            Responses.Check(expect, Responses.Make(headers: [("Vary", "rsc, Accept-Encoding")])));
        Assert.Single(Responses.Check(expect, Responses.Make()));
    }

    [Fact]
    public void Repeated_headers_are_joined_with_commas_and_set_cookie_with_line_feeds()
    {
        var response = Responses.Make(headers: [("Allow", "GET"), ("allow", "HEAD"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]);

        Assert.Empty(Responses.Check("""{"headers": {"allow": "GET, HEAD", "set-cookie": "a=1\nb=2"}}""", response));
        Assert.Equal(["header allow: expected \"GET\", got \"GET, HEAD\""], Responses.Check("""{"headers": {"allow": "GET"}}""", response));
    }

    [Fact]
    public void Same_as_step_and_differs_from_step_compare_with_an_earlier_response()
    {
        var first = Responses.Make(headers: [("ETag", "\"1\"")]);
        var same = Responses.Make(headers: [("ETag", "\"1\"")]);

        Assert.Empty(Responses.Check("""{"headers": {"etag": {"sameAsStep": 0}}}""", first, same));
        Assert.Equal(
            ["header etag: expected different from step 0 (\"\\\"1\\\"\" vs \"\\\"1\\\"\")"],
            Responses.Check("""{"headers": {"etag": {"differsFromStep": 0}}}""", first, same));
    }
}
