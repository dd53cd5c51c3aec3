namespace NextE2eApp.App.Hooks;

/// <summary>Port of app/hooks/permanent-redirect/route.ts: permanentRedirect() to another origin.</summary>
public static class PermanentRedirectRoute
{
    public static Response GET() => Next.PermanentRedirect("https://nextjs.org/");
}
