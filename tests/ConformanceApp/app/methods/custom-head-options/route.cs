namespace ConformanceApp.App.Methods;

/// <summary>Port of app/methods/custom-head-options/route.ts: explicit HEAD and OPTIONS replace the automatic ones.</summary>
public static class CustomHeadOptionsRoute
{
    public static Response GET() => new("custom get body", new ResponseInit { Headers = { { "x-from", "GET" } } });

    public static Response HEAD() =>
        new(new ResponseInit { Status = 200, Headers = { { "x-from", "HEAD" }, { "x-custom-head", "1" }, { "content-length", "42" } } });

    public static Response OPTIONS() =>
        new(new ResponseInit { Status = 204, Headers = { { "Allow", "GET, HEAD, OPTIONS, X-CUSTOM" }, { "x-from", "OPTIONS" } } });
}
