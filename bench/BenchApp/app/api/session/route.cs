namespace BenchApp.App.Api.Session;

/// <summary><c>GET /api/session</c>: reads a request cookie and sets two response cookies (the cookie path of bench/HotPathBench).</summary>
internal static class SessionRoute
{
    public static Response GET(NextRequest request)
    {
        var visits = int.TryParse(request.Cookies.Get("visits")?.Value, out var n) ? n + 1 : 1;
        var response = NextResponse.Json(new BenchApp.Hello("session"), BenchJson.Default.Hello);
        response.Cookies.Set("visits", visits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Cookies.Set(new ResponseCookie("theme", "dark") { HttpOnly = true, Path = "/", MaxAge = 3600 });
        return response;
    }
}
