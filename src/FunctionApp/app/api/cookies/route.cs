namespace FunctionApp.App.Api;

/// <summary>
/// <c>/api/cookies</c>: read cookies from the request (<c>request.Cookies</c>) or from <c>Next.Cookies()</c>, which
/// works in any function the handler calls; set them with <c>Next.Cookies().Set</c> or on the response itself.
/// </summary>
public static class CookiesRoute
{
    public static Response GET(NextRequest request)
    {
        var theme = request.Cookies.Get("theme")?.Value ?? "light";
        RememberVisit();
        return Response.Json(new CookieReport(theme, Next.Cookies().Get("visits")?.Value ?? "0"), SampleJson.Default.CookieReport);
    }

    /// <summary>POST sets the theme on the response object, the other way to set cookies.</summary>
    public static async Task<Response> POST(NextRequest request)
    {
        var form = await request.FormData();
        var response = new NextResponse("saved\n");
        response.Cookies.Set("theme", form.GetString("theme") ?? "light", new CookieOptions { HttpOnly = true, SameSite = "lax", MaxAge = 60 * 60 * 24 * 365 });
        return response;
    }

    private static void RememberVisit()
    {
        var cookies = Next.Cookies();
        var visits = int.TryParse(cookies.Get("visits")?.Value, out var n) ? n + 1 : 1;
        cookies.Set("visits", visits.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions { HttpOnly = true });
    }
}
