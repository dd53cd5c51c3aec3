using NextRouteHandlers.Proxy;

namespace NextRouteHandlers.Tests.Proxy;

/// <summary>Redirect and rewrite destinations: parameters, the base path and the query, as Next.js builds them.</summary>
public class DestinationTests
{
    private static readonly Dictionary<string, string> Slug = new() { ["slug"] = "zeta" };

    [Theory]
    [InlineData("/items/:slug", "?keep=1", "", "/items/zeta?keep=1")]
    [InlineData("/items/:slug", "", "/bp", "/bp/items/zeta")]
    [InlineData("/", "", "/bp", "/bp")]
    [InlineData("/x?a=dest", "?a=req&b=2", "", "/x?a=dest&b=2")]
    [InlineData("/x?from=:slug", "?b=2", "", "/x?b=2&from=zeta")]
    [InlineData("/x#top", "?q=1", "", "/x?q=1#top")]
    [InlineData("//x//:slug", "", "", "/x/zeta")]
    [InlineData("https://example.com:8443/docs/:slug", "?q=1", "/bp", "https://example.com:8443/docs/zeta?q=1")]
    [InlineData("https://:slug.example.com", "", "", "https://zeta.example.com")]
    public void Redirect_locations_fill_parameters_add_the_base_path_and_merge_the_query(string destination, string query, string basePath, string location) =>
        Assert.Equal(location, Destination.Parse(destination).Location(Slug, query, basePath));

    [Theory]
    [InlineData("", "/new")]
    [InlineData("a", "/new/a")]
    [InlineData("a/b", "/new/a/b")]
    public void An_optional_catch_all_leaves_its_prefix_out_when_absent(string value, string path)
    {
        var parameters = value.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["path"] = value };

        Assert.Equal(path, Destination.Parse("/new/:path*").Path(parameters));
    }

    [Fact]
    public void Parameter_names_come_from_the_path_host_and_query_but_not_the_port()
    {
        var destination = Destination.Parse("https://:tenant.example.com:8443/:section/:id?ref=:source");

        Assert.Equal(["section", "id", "tenant", "source"], destination.ParameterNames);
        Assert.True(destination.IsAbsolute);
        Assert.True(destination.HasQuery);
    }

    [Theory]
    [InlineData("")]
    [InlineData("items")]
    [InlineData("ftp://example.com/x")]
    [InlineData("https:///x")]
    [InlineData("/items/:")]
    public void Destinations_that_are_neither_a_path_nor_an_http_url_are_rejected(string destination) =>
        Assert.Throws<FormatException>(() => Destination.Parse(destination));
}
