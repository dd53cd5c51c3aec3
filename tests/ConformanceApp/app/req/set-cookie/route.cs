namespace ConformanceApp.App.Req;

/// <summary>Port of app/req/set-cookie/route.ts: cookies() changes become Set-Cookie headers.</summary>
public static class SetCookieRoute
{
    public static Response GET()
    {
        var store = Next.Cookies();
        store.Set("session", "abc123", new CookieOptions { HttpOnly = true, Path = "/", MaxAge = 3600, SameSite = "lax" });
        store.Set(new ResponseCookie("theme", "dark") { Secure = true });
        store.Delete("old");
        return NextResponse.Json(new { ok = true, seenAfterSet = store.Get("session")?.Value });
    }

    public static Response POST()
    {
        Next.Cookies().Set("via-store", "1");
        var response = NextResponse.Json(new { ok = true });
        response.Cookies.Set("via-response", "2", new CookieOptions { Path = "/x" });
        return response;
    }
}
