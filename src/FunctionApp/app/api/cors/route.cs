namespace FunctionApp.App.Api;

/// <summary>
/// <c>/api/cors</c>: CORS headers set by one route, with its own preflight. For many routes at once, set them in
/// one place instead (see docs/hosting.md).
/// </summary>
public static class CorsRoute
{
    private static Headers Cors() => new()
    {
        { "Access-Control-Allow-Origin", "*" },
        { "Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS" },
        { "Access-Control-Allow-Headers", "Content-Type, Authorization" },
    };

    public static Response GET() => new("Hello, cross-origin world!\n", new ResponseInit { Headers = Cors() });

    public static Response OPTIONS() => new(new ResponseInit { Status = 204, Headers = Cors() });
}
