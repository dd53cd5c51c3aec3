namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/nav-permanent/route.ts.</summary>
public static class NavPermanentRoute
{
    public static Response GET() => Next.PermanentRedirect("/resp/target?from=nav-permanent");
}
