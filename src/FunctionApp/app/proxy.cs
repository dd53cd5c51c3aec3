namespace FunctionApp.App;

/// <summary>
/// <c>app/proxy.cs</c> runs before the routes its <c>Matcher</c> selects, here every <c>/api/*</c> route. It answers
/// CORS preflights itself and adds the CORS headers to every other API response, so no route has to.
/// </summary>
public static class ApiProxy
{
    public static readonly string[] Matcher = ["/api/:path*"];

    private static readonly (string Name, string Value)[] Cors =
    [
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS"),
        ("Access-Control-Allow-Headers", "Content-Type, Authorization"),
        ("Access-Control-Max-Age", "600"),
    ];

    public static Response Proxy(NextRequest request)
    {
        // A preflight carries Access-Control-Request-Method; a plain OPTIONS still reaches the route (204 with Allow).
        var preflight = request.Method == "OPTIONS" && request.Headers.Has("access-control-request-method");
        var response = preflight ? new NextResponse(new ResponseInit { Status = 204 }) : NextResponse.Next();
        foreach (var (name, value) in Cors) response.Headers.Set(name, value);
        return response;
    }
}
