namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/nav-redirect/route.ts.</summary>
public static class NavRedirectRoute
{
    public static Response GET() => Next.Redirect("/resp/target?from=nav-redirect");

    public static Response POST() => Next.Redirect("/resp/target?from=nav-redirect-post");
}
