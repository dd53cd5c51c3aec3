using NextRouteHandlers.Metadata;

namespace FunctionApp.App;

/// <summary><c>/sitemap.xml</c>, from <c>app/sitemap.cs</c>.</summary>
public static class SitemapFile
{
    public static IEnumerable<SitemapEntry> Sitemap() =>
    [
        new("https://example.com") { ChangeFrequency = "weekly", Priority = 1 },
        new("https://example.com/about") { ChangeFrequency = "monthly", Priority = 0.8 },
    ];
}
