using NextRouteHandlers.Metadata;

namespace ConformanceApp.App;

/// <summary>Port of app/sitemap.ts: served as /sitemap.xml.</summary>
public static class SitemapFile
{
    public static IEnumerable<SitemapEntry> Sitemap() =>
    [
        new("https://example.com") { LastModified = DateTimeOffset.Parse("2024-01-01T00:00:00.000Z", System.Globalization.CultureInfo.InvariantCulture), ChangeFrequency = "yearly", Priority = 1 },
        new("https://example.com/about") { LastModified = DateTimeOffset.Parse("2024-02-01T00:00:00.000Z", System.Globalization.CultureInfo.InvariantCulture), ChangeFrequency = "monthly", Priority = 0.8 },
    ];
}
