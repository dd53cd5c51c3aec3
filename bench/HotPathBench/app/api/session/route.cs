namespace HotPathBench.App.Api;

/// <summary>Reads a request cookie and sets two response cookies.</summary>
public static class SessionRoute
{
    public static Response GET(NextRequest request)
    {
        var visits = int.TryParse(request.Cookies.Get("visits")?.Value, out var n) ? n + 1 : 1;
        var response = NextResponse.Json(new Hello("session"), BenchJson.Default.Hello);
        response.Cookies.Set("visits", visits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Cookies.Set(new ResponseCookie("theme", "dark") { HttpOnly = true, Path = "/", MaxAge = 3600 });
        return response;
    }
}
