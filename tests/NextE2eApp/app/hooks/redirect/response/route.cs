namespace NextE2eApp.App.Hooks.Redirect;

/// <summary>Port of app/hooks/redirect/response/route.ts: NextResponse.redirect() to another origin.</summary>
public static class RedirectResponseRoute
{
    public static Response GET() => NextResponse.Redirect("https://nextjs.org/");
}
