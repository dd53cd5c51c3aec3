namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/not-found/route.ts.</summary>
public static class NotFoundRoute
{
    public static Response GET() => Next.NotFound();
}
