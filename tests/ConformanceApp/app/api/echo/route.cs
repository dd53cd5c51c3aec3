namespace ConformanceApp.App.Api;

/// <summary>Port of app/api/echo/route.ts: behind proxy.cs, reports the request header the proxy injected.</summary>
public static class EchoRoute
{
    public static Response GET(NextRequest request) =>
        Response.Json(new { route = "/api/echo", fromProxyRequestHeader = request.Headers.Get("x-from-proxy"), origin = request.Headers.Get("origin") });

    public static async Task<Response> POST(NextRequest request) =>
        Response.Json(new { route = "/api/echo", method = "POST", body = await request.Text() });
}
