namespace ConformanceApp.App.Cors;

/// <summary>Port of app/cors/handler/route.ts: CORS headers set by the handler itself.</summary>
public static class CorsHandlerRoute
{
    private static Headers Cors() => new()
    {
        { "Access-Control-Allow-Origin", "https://client.example" },
        { "Access-Control-Allow-Methods", "GET, POST, OPTIONS" },
        { "Access-Control-Allow-Headers", "Content-Type, Authorization" },
        { "Access-Control-Max-Age", "600" },
        { "Vary", "Origin" },
    };

    public static Response GET() => Response.Json(new { cors = "handler" }, new ResponseInit { Headers = Cors() });

    public static Response OPTIONS() => new(new ResponseInit { Status = 204, Headers = Cors() });
}
