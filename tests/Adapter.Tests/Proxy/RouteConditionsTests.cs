using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Proxy;

namespace NextRouteHandlers.Tests.Proxy;

/// <summary><c>has</c> and <c>missing</c> conditions, as Next.js's <c>matchHas</c> evaluates them.</summary>
public class RouteConditionsTests
{
    private static RequestFacts Facts(string query = "", string host = "Shop.Example.com:8080")
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["x-version"] = "2";
        context.Request.Headers["x-empty"] = string.Empty;
        context.Request.Headers.Cookie = "session=abc; theme=dark";
        return new RequestFacts(context.Request, host, query);
    }

    private static (bool Matches, Dictionary<string, string> Parameters) Evaluate(RouteHas[] has, RouteHas[]? missing = null, string query = "")
    {
        var parameters = new Dictionary<string, string>();
        var matches = RouteConditions.Compile(has, missing).Matches(Facts(query), parameters);
        return (matches, parameters);
    }

    [Fact]
    public void A_condition_without_value_needs_a_non_empty_value_and_captures_it_under_the_letters_of_its_key()
    {
        var present = Evaluate([new RouteHas(RouteHasType.Header, "x-version")]);
        var empty = Evaluate([new RouteHas(RouteHasType.Header, "x-empty")]);
        var absent = Evaluate([new RouteHas(RouteHasType.Header, "x-other")]);

        Assert.True(present.Matches);
        Assert.Equal("2", present.Parameters["xversion"]);
        Assert.False(empty.Matches);
        Assert.False(absent.Matches);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("\\d", true)]
    [InlineData("20", false)]
    [InlineData("", false)]
    public void A_value_is_a_regular_expression_matching_the_whole_value(string value, bool matches) =>
        Assert.Equal(matches, Evaluate([new RouteHas(RouteHasType.Header, "X-Version", value)]).Matches);

    [Fact]
    public void Cookies_and_query_parameters_are_read_by_name_the_last_repeated_value_counting()
    {
        Assert.True(Evaluate([new RouteHas(RouteHasType.Cookie, "session", "abc")]).Matches);
        Assert.False(Evaluate([new RouteHas(RouteHasType.Cookie, "session", "xyz")]).Matches);
        Assert.True(Evaluate([new RouteHas(RouteHasType.Query, "a", "2")], query: "?a=1&a=2").Matches);
        Assert.False(Evaluate([new RouteHas(RouteHasType.Query, "a", "1")], query: "?a=1&a=2").Matches);
        Assert.False(Evaluate([new RouteHas(RouteHasType.Query, "empty")], query: "?empty=").Matches);
    }

    [Fact]
    public void The_host_is_the_lower_case_name_without_port_and_its_named_groups_become_parameters()
    {
        var named = Evaluate([new RouteHas(RouteHasType.Host, value: "(?<tenant>[a-z]+)\\.example\\.com")]);
        var unnamed = Evaluate([new RouteHas(RouteHasType.Host, value: "shop\\.example\\.com")]);

        Assert.True(named.Matches);
        Assert.Equal("shop", named.Parameters["tenant"]);
        Assert.Equal("shop.example.com", unnamed.Parameters["host"]);
    }

    [Fact]
    public void Missing_conditions_must_not_hold_and_capture_nothing()
    {
        var blocked = Evaluate([], [new RouteHas(RouteHasType.Cookie, "session")]);
        var allowed = Evaluate([], [new RouteHas(RouteHasType.Cookie, "other")]);

        Assert.False(blocked.Matches);
        Assert.True(allowed.Matches);
        Assert.Empty(allowed.Parameters);
    }

    [Fact]
    public void A_failed_rule_leaves_no_parameters_behind()
    {
        var result = Evaluate([new RouteHas(RouteHasType.Header, "x-version"), new RouteHas(RouteHasType.Header, "x-other")]);

        Assert.False(result.Matches);
        Assert.Empty(result.Parameters);
    }

    [Fact]
    public void Conditions_without_a_key_or_with_a_broken_expression_are_rejected_by_position()
    {
        var noKey = Assert.Throws<FormatException>(() => RouteConditions.Compile([new RouteHas(RouteHasType.Query)], null));
        var badRegex = Assert.Throws<FormatException>(() => RouteConditions.Compile(null, [new RouteHas(RouteHasType.Host), new RouteHas(RouteHasType.Header, "x", "(")]));

        Assert.Equal("Has[0] (Query) needs a key.", noKey.Message);
        Assert.StartsWith("Missing[1] value '(' is not a valid regular expression", badRegex.Message, StringComparison.Ordinal);
    }
}
