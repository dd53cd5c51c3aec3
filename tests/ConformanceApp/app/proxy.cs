namespace ConformanceApp.App;

/// <summary>
/// Port of proxy.ts: for /api/*, refuses /api/blocked, answers CORS preflights itself, and otherwise adds CORS
/// headers to the response and an x-from-proxy header to the request the route handler sees.
/// </summary>
public static class AppProxy
{
    public static readonly string[] Matcher = ["/api/:path*"];

    private static readonly (string Name, string Value)[] Cors =
    [
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS"),
        ("Access-Control-Allow-Headers", "Content-Type, Authorization"),
    ];

    public static Response Proxy(NextRequest request)
    {
        if (request.NextUrl.Pathname == "/api/blocked")
        {
            return NextResponse.Json(new { blocked = true }, new ResponseInit { Status = 403 });
        }

        if (request.Method == "OPTIONS")
        {
            var preflight = new NextResponse(new ResponseInit { Status = 204 });
            foreach (var (name, value) in Cors) preflight.Headers.Set(name, value);
            preflight.Headers.Set("x-proxy", "preflight");
            return preflight;
        }

        var requestHeaders = new Headers(request.Headers);
        requestHeaders.Set("x-from-proxy", "yes");
        var response = NextResponse.Next(new NextRequestInit { Headers = requestHeaders });
        foreach (var (name, value) in Cors) response.Headers.Set(name, value);
        response.Headers.Set("x-proxy", "passed");
        return response;
    }
}
