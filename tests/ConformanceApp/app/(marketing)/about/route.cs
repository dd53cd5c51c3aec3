namespace ConformanceApp.App.Marketing;

/// <summary>Port of app/(marketing)/about/route.ts: the group folder is not part of the URL.</summary>
public static class AboutRoute
{
    public static Response GET() => new("about from (marketing) group", new ResponseInit { Headers = { { "content-type", "text/plain" } } });
}
