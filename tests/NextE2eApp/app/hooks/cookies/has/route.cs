namespace NextE2eApp.App.Hooks.Cookies;

/// <summary>Port of app/hooks/cookies/has/route.ts: a cookie set through cookies() is seen by has() in the same handler.</summary>
public static class HasCookieRoute
{
    public static Response GET()
    {
        var cookies = Next.Cookies();
        cookies.Set("a", "a");
        return NextResponse.Json(new { hasCookie = cookies.Has("a") });
    }
}
