using System.Text;
using NextRouteHandlers.Metadata;

namespace NextRouteHandlers.Tests.Metadata;

public class MetadataResponsesTests
{
    [Fact]
    public void Robots_text_matches_nextjs_byte_for_byte() =>
        Assert.Equal(
            "User-Agent: *\nAllow: /\n\nSitemap: https://e/s.xml\n",
            MetadataResponses.RobotsText(new Robots { Rules = [new RobotsRule { UserAgent = ["*"], Allow = ["/"] }], Sitemap = ["https://e/s.xml"] }));

    [Fact]
    public void Robots_rules_list_agents_allows_disallows_and_delay_then_host_and_sitemaps()
    {
        var robots = new Robots
        {
            Rules =
            [
                new RobotsRule { UserAgent = ["Googlebot", "Bingbot"], Disallow = ["/a", "/b"], CrawlDelay = 2 },
                new RobotsRule { Allow = ["/"] },
            ],
            Host = "https://example.com",
            Sitemap = ["https://example.com/1.xml", "https://example.com/2.xml"],
        };

        Assert.Equal(
            "User-Agent: Googlebot\nUser-Agent: Bingbot\nDisallow: /a\nDisallow: /b\nCrawl-delay: 2\n\nUser-Agent: *\nAllow: /\n\nHost: https://example.com\nSitemap: https://example.com/1.xml\nSitemap: https://example.com/2.xml\n",
            MetadataResponses.RobotsText(robots));
    }

    [Fact]
    public void Sitemap_xml_matches_nextjs_byte_for_byte()
    {
        var xml = MetadataResponses.SitemapXml([
            new SitemapEntry("https://example.com") { LastModified = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), ChangeFrequency = "yearly", Priority = 1 },
            new SitemapEntry("https://example.com/about") { LastModified = new DateTimeOffset(2024, 2, 1, 1, 0, 0, TimeSpan.FromHours(1)), ChangeFrequency = "monthly", Priority = 0.8 },
        ]);

        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url>\n<loc>https://example.com</loc>\n<lastmod>2024-01-01T00:00:00.000Z</lastmod>\n<changefreq>yearly</changefreq>\n<priority>1</priority>\n</url>\n<url>\n<loc>https://example.com/about</loc>\n<lastmod>2024-02-01T00:00:00.000Z</lastmod>\n<changefreq>monthly</changefreq>\n<priority>0.8</priority>\n</url>\n</urlset>\n",
            xml);
    }

    [Fact]
    public void Sitemap_declares_the_image_and_xhtml_namespaces_only_when_used()
    {
        var xml = MetadataResponses.SitemapXml([
            new SitemapEntry("https://e/x") { Languages = new Dictionary<string, string> { ["de"] = "https://e/de/x" }, Images = ["https://e/a.png"] },
        ]);

        Assert.Contains("xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\"", xml, StringComparison.Ordinal);
        Assert.Contains("<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://e/de/x\" />", xml, StringComparison.Ordinal);
        Assert.Contains("<image:image>\n<image:loc>https://e/a.png</image:loc>\n</image:image>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("xmlns:image", MetadataResponses.SitemapXml([new SitemapEntry("https://e")]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_is_compact_json_with_web_manifest_names_and_content_type()
    {
        var response = MetadataResponses.Manifest(new WebManifest { Name = "App", ShortName = "A", StartUrl = "/", Icons = [new WebManifestIcon("/icon.png") { Sizes = "192x192" }] });
        using var body = new MemoryStream();
        await response.Body!.WriteToAsync(body, CancellationToken.None);

        Assert.Equal("application/manifest+json", response.Headers.Get("content-type"));
        Assert.Equal("public, max-age=0, must-revalidate", response.Headers.Get("cache-control"));
        Assert.Equal("{\"name\":\"App\",\"short_name\":\"A\",\"start_url\":\"/\",\"icons\":[{\"src\":\"/icon.png\",\"sizes\":\"192x192\"}]}", Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public void Robots_and_sitemap_carry_their_content_types()
    {
        Assert.Equal("text/plain", MetadataResponses.Robots(new Robots()).Headers.Get("content-type"));
        Assert.Equal("application/xml", MetadataResponses.Sitemap([]).Headers.Get("content-type"));
        Assert.Equal("image/svg+xml", MetadataResponses.Image([1], "image/svg+xml").Headers.Get("content-type"));
    }
}
