using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class HeaderSyntaxTests
{
    [Fact]
    public void A_name_is_stored_lower_case_and_a_value_trimmed_of_whitespace()
    {
        Assert.Equal(("x-trace-id", "a b"), HeaderSyntax.Normalize("X-Trace-Id", " \ta b\r\n"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("x y", "not a valid header name")]
    [InlineData("x:y", "not a valid header name")]
    [InlineData("é", "not a valid header name")]
    public void A_name_that_is_not_a_token_is_refused_with_a_message_naming_it(string name, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => HeaderSyntax.Normalize(name, "v"));

        Assert.Contains(message, error.Message);
        Assert.Equal("name", error.ParamName);
    }

    [Theory]
    [InlineData("a\r\nset-cookie: x=1")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    public void A_value_that_could_split_the_response_is_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => HeaderSyntax.Normalize("x", value));

        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public void Every_token_character_of_rfc_9110_is_accepted()
    {
        Assert.Equal("!#$%&'*+-.^_`|~09az", HeaderSyntax.Normalize("!#$%&'*+-.^_`|~09AZ", "v").Name);
    }
}
