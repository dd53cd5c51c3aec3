namespace NextE2eApp.App.Hooks;

/// <summary>Port of app/hooks/redirect/route.ts: redirect() to another origin.</summary>
public static class RedirectRoute
{
    public static Response GET() => Next.Redirect("https://nextjs.org/");
}
