using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Tests.Proxy;

/// <summary>Binding the <c>Next</c> configuration section, and the startup checks that reject invalid rules by name.</summary>
public class NextConfigTests
{
    private static IReadOnlyList<string> Errors(NextConfig config)
    {
        var result = new NextConfigValidator().Validate(null, config);
        return result.Failed ? result.Failures!.ToList() : [];
    }

    [Fact]
    public void A_valid_config_passes()
    {
        var config = new NextConfig
        {
            BasePath = "/docs",
            Headers = [new HeaderRule { Source = "/api/:path*", Headers = [new HeaderEntry("x-path", ":path")] }],
            Redirects = [new RedirectRule { Source = "/old/:slug", Destination = "/new/:slug", Permanent = true }],
            Rewrites = new RewriteRules { Fallback = [new RewriteRule { Source = "/:path*", Destination = "/catch/:path*", Has = [new RouteHas(RouteHasType.Header, "x-id")] }] },
        };

        Assert.Empty(Errors(config));
    }

    public static TheoryData<NextConfig, string> InvalidConfigs => new()
    {
        { new NextConfig { Redirects = [Redirect("/ok", "/x"), Redirect("/old/:id(", "/x")] }, "Next:Redirects[1] (source '/old/:id('): Unbalanced pattern at 8" },
        { new NextConfig { Redirects = [Redirect("old", "/x")] }, "Next:Redirects[0] (source 'old'): It must start with '/'." },
        { new NextConfig { Redirects = [Redirect("/old", "new")] }, "Next:Redirects[0] (source '/old'): The destination 'new' must start with '/', 'http://' or 'https://'." },
        { new NextConfig { Redirects = [Redirect("/old", "/new/:slug")] }, "Next:Redirects[0] (source '/old'): The destination uses :slug, which the source and its conditions do not define (they define none)." },
        { new NextConfig { Redirects = [new RedirectRule { Source = "/a", Destination = "/b", StatusCode = 200 }] }, "Next:Redirects[0] (source '/a'): StatusCode 200 is not a redirect status; use 301, 302, 303, 307 or 308." },
        { new NextConfig { Redirects = [new RedirectRule { Source = "/a", Destination = "/b", StatusCode = 301, Permanent = true }] }, "Next:Redirects[0] (source '/a'): Set either Permanent or StatusCode, not both." },
        { new NextConfig { Redirects = [new RedirectRule { Source = "/a", Destination = "/b" }] }, "Next:Redirects[0] (source '/a'): Set Permanent (true for 308, false for 307) or StatusCode." },
        { new NextConfig { Headers = [new HeaderRule { Source = "/a" }] }, "Next:Headers[0] (source '/a'): It has no headers." },
        { new NextConfig { Headers = [new HeaderRule { Source = "/a", Headers = [new HeaderEntry("bad name", "x")] }] }, "Next:Headers[0] (source '/a'): Headers[0] ('bad name'): 'bad name' is not a valid header name. (Parameter 'name')" },
        { new NextConfig { Headers = [new HeaderRule { Source = "", Headers = [new HeaderEntry("x", "y")] }] }, "Next:Headers[0] (source ''): The source is empty." },
        { new NextConfig { Rewrites = new RewriteRules { AfterFiles = [new RewriteRule { Source = "/a", Destination = "https://example.com/a" }] } }, "Next:Rewrites:AfterFiles[0] (source '/a'): The destination 'https://example.com/a' is another origin; rewrites can only serve paths of this app." },
        { new NextConfig { Rewrites = new RewriteRules { BeforeFiles = [new RewriteRule { Source = "/a", Destination = "/b?x=1" }] } }, "Next:Rewrites:BeforeFiles[0] (source '/a'): The destination '/b?x=1' has a query; route handlers see the original URL after a rewrite, so it would be lost." },
        { new NextConfig { Rewrites = new RewriteRules { Fallback = [new RewriteRule { Source = "/a", Destination = "/b", Has = [new RouteHas(RouteHasType.Cookie)] }] } }, "Next:Rewrites:Fallback[0] (source '/a'): Has[0] (Cookie) needs a key." },
        { new NextConfig { BasePath = "docs" }, "Next:BasePath ('docs') must start with '/', not end with '/', and hold only path characters (for example '/docs'); leave it empty for none." },
        { new NextConfig { BasePath = "/docs/" }, "Next:BasePath ('/docs/') must start with '/', not end with '/', and hold only path characters (for example '/docs'); leave it empty for none." },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void Invalid_rules_are_reported_by_section_index_and_source(NextConfig config, string message) =>
        Assert.Equal([message], Errors(config));

    [Fact]
    public void Destination_parameters_may_come_from_has_conditions()
    {
        var config = new NextConfig
        {
            Redirects = [new RedirectRule { Source = "/go", Destination = "/users/:xuserid/:tenant", Permanent = false, Has = [new RouteHas(RouteHasType.Header, "x-user-id"), new RouteHas(RouteHasType.Host, value: "(?<tenant>.+)\\.example\\.com")] }],
        };

        Assert.Empty(Errors(config));
    }

    [Fact]
    public async Task An_invalid_rule_stops_startup_with_its_name()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackApp.StartAsync([], next: n => n.Redirects.Add(Redirect("/old/(", "/new"))));

        Assert.Contains("Next:Redirects[0] (source '/old/('): Unbalanced pattern at 5", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Next_section_binds_every_rule_kind_and_the_list_form_of_rewrites()
    {
        var config = Bind("""
            {
              "Next": {
                "BasePath": "/bp",
                "TrailingSlash": true,
                "Headers": [ { "Source": "/a", "Headers": [ { "Key": "x-a", "Value": "1" } ], "Has": [ { "Type": "header", "Key": "x-b" } ] } ],
                "Redirects": [ { "Source": "/old", "Destination": "/new", "Permanent": true }, { "source": "/tmp", "destination": "/t", "statusCode": 303 } ],
                "Rewrites": [ { "Source": "/r1", "Destination": "/d1" }, { "Source": "/r2", "Destination": "/d2", "Missing": [ { "Type": "cookie", "Key": "c" } ] } ]
              }
            }
            """);

        Assert.Equal(("/bp", true), (config.BasePath, config.TrailingSlash));
        Assert.Equal(RouteHasType.Header, config.Headers.Single().Has.Single().Type);
        Assert.Equal("x-a", config.Headers.Single().Headers.Single().Key);
        Assert.Equal([(true, (int?)null), (null, 303)], config.Redirects.Select(r => (r.Permanent, r.StatusCode)));
        Assert.Equal(["/r1", "/r2"], config.Rewrites.AfterFiles.Select(r => r.Source));
        Assert.Equal(RouteHasType.Cookie, config.Rewrites.AfterFiles[1].Missing.Single().Type);
        Assert.Empty(config.Rewrites.BeforeFiles);
    }

    [Fact]
    public void The_Next_section_binds_the_three_rewrite_phases()
    {
        var config = Bind("""
            { "Next": { "Rewrites": {
                "BeforeFiles": [ { "Source": "/b", "Destination": "/x" } ],
                "AfterFiles": [ { "Source": "/a", "Destination": "/x" } ],
                "Fallback": [ { "Source": "/f", "Destination": "/x" } ] } } }
            """);

        Assert.Equal(["/b", "/a", "/f"], new[] { config.Rewrites.BeforeFiles, config.Rewrites.AfterFiles, config.Rewrites.Fallback }.Select(p => p.Single().Source));
    }

    private static RedirectRule Redirect(string source, string destination) => new() { Source = source, Destination = destination, Permanent = true };

    private static NextConfig Bind(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddRouteHandlers(new RouteManifest([]));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<NextConfig>>().Value;
    }
}
