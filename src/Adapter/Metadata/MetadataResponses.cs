using System.Globalization;
using System.Text;
using System.Text.Json;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Metadata;

/// <summary>
/// Turns what a metadata file returns into its response, byte for byte in Next.js's formats, with Next.js's
/// <c>Cache-Control: public, max-age=0, must-revalidate</c>. Called by generated code.
/// </summary>
public static class MetadataResponses
{
    /// <summary>The cache header Next.js sends on metadata routes.</summary>
    public const string CacheControl = "public, max-age=0, must-revalidate";

    /// <summary><c>/robots.txt</c>.</summary>
    /// <param name="robots">What <c>robots.cs</c> returned.</param>
    public static Response Robots(Robots robots) => Text(RobotsText(robots ?? throw new ArgumentNullException(nameof(robots))), "text/plain");

    /// <summary><c>sitemap.xml</c>.</summary>
    /// <param name="entries">What <c>sitemap.cs</c> returned.</param>
    public static Response Sitemap(IEnumerable<SitemapEntry> entries) => Text(SitemapXml(entries ?? throw new ArgumentNullException(nameof(entries))), "application/xml");

    /// <summary><c>/manifest.webmanifest</c>: compact JSON.</summary>
    /// <param name="manifest">What <c>manifest.cs</c> returned.</param>
    public static Response Manifest(WebManifest manifest) =>
        Text(JsonSerializer.Serialize(manifest ?? throw new ArgumentNullException(nameof(manifest)), MetadataJsonContext.Default.WebManifest), "application/manifest+json");

    /// <summary>An image route (<c>icon.cs</c>, <c>apple-icon.cs</c>, <c>opengraph-image.cs</c>, <c>twitter-image.cs</c>).</summary>
    /// <param name="image">The image bytes.</param>
    /// <param name="contentType">The file's <c>ContentType</c> constant, <c>image/png</c> by default.</param>
    public static Response Image(byte[] image, string contentType) => Binary(image ?? throw new ArgumentNullException(nameof(image)), contentType);

    /// <summary>The text of <c>robots.txt</c>: per rule its user agents, allows, disallows and crawl delay, a blank line; then host and sitemaps.</summary>
    /// <param name="robots">The rules.</param>
    public static string RobotsText(Robots robots)
    {
        ArgumentNullException.ThrowIfNull(robots);
        var text = new StringBuilder();
        foreach (var rule in robots.Rules)
        {
            foreach (var agent in rule.UserAgent.Count == 0 ? ["*"] : rule.UserAgent) text.Append("User-Agent: ").Append(agent).Append('\n');
            foreach (var path in rule.Allow) text.Append("Allow: ").Append(path).Append('\n');
            foreach (var path in rule.Disallow) text.Append("Disallow: ").Append(path).Append('\n');
            if (rule.CrawlDelay is { } delay) text.Append("Crawl-delay: ").Append(delay.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append('\n');
        }

        if (robots.Host is not null) text.Append("Host: ").Append(robots.Host).Append('\n');
        foreach (var sitemap in robots.Sitemap) text.Append("Sitemap: ").Append(sitemap).Append('\n');
        return text.ToString();
    }

    /// <summary>The XML of a sitemap. Values are written as given, without XML escaping, as Next.js does.</summary>
    /// <param name="entries">The URLs.</param>
    public static string SitemapXml(IEnumerable<SitemapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var items = entries.ToArray();
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
        if (items.Any(e => e.Images is { Count: > 0 })) xml.Append(" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\"");
        if (items.Any(e => e.Languages is { Count: > 0 })) xml.Append(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
        xml.Append(">\n");
        foreach (var entry in items)
        {
            xml.Append("<url>\n<loc>").Append(entry.Url).Append("</loc>\n");
            foreach (var (language, url) in entry.Languages ?? new Dictionary<string, string>())
            {
                xml.Append("<xhtml:link rel=\"alternate\" hreflang=\"").Append(language).Append("\" href=\"").Append(url).Append("\" />\n");
            }

            foreach (var image in entry.Images ?? []) xml.Append("<image:image>\n<image:loc>").Append(image).Append("</image:loc>\n</image:image>\n");
            if (entry.LastModified is { } modified) xml.Append("<lastmod>").Append(modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append("</lastmod>\n");
            if (entry.ChangeFrequency is not null) xml.Append("<changefreq>").Append(entry.ChangeFrequency).Append("</changefreq>\n");
            if (entry.Priority is { } priority) xml.Append("<priority>").Append(priority.ToString("R", CultureInfo.InvariantCulture)).Append("</priority>\n");
            xml.Append("</url>\n");
        }

        return xml.Append("</urlset>\n").ToString();
    }

    /// <summary>Bytes with their content type and <see cref="CacheControl"/>; the bytes are not copied.</summary>
    internal static Response Binary(byte[] body, string contentType) =>
        new(body, new ResponseInit { Headers = { { "content-type", contentType }, { "cache-control", CacheControl } } });

    private static Response Text(string body, string contentType) =>
        new(body, new ResponseInit { Headers = { { "content-type", contentType }, { "cache-control", CacheControl } } });
}
