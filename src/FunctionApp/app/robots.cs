using NextRouteHandlers.Metadata;

namespace FunctionApp.App;

/// <summary><c>/robots.txt</c>, from <c>app/robots.cs</c> (robots.cs is only a metadata route at the app root).</summary>
public static class RobotsFile
{
    public static Robots Robots() => new()
    {
        Rules = [new RobotsRule { Allow = ["/"], Disallow = ["/api/"] }],
        Sitemap = ["https://example.com/sitemap.xml"],
    };
}
