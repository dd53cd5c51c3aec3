namespace NextE2eApp.App;

/// <summary>Port of app/robots.txt/route.ts: a plain route handler at the URL of the robots metadata route.</summary>
public static class RobotsTxtRoute
{
    public static Response GET() => new("User-agent: *\nAllow: /\n\nSitemap: https://www.example.com/sitemap.xml");
}
