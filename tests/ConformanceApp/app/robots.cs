using NextRouteHandlers.Metadata;

namespace ConformanceApp.App;

/// <summary>Port of app/robots.ts: served as /robots.txt.</summary>
public static class RobotsFile
{
    public static Robots Robots() => new()
    {
        Rules = [new RobotsRule { UserAgent = ["*"], Allow = ["/"], Disallow = ["/private/"] }],
        Sitemap = ["https://example.com/sitemap.xml"],
    };
}
