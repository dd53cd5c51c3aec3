namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/json/route.ts.</summary>
public static class JsonRoute
{
    public static Response GET() =>
        NextResponse.Json(
            new { ok = true, n = 1, nested = new { a = new[] { 1, 2 } }, unicode = "café ✓" },
            new ResponseInit { Status = 201, Headers = { { "x-foo", "bar" }, { "cache-control", "public, max-age=60" } } });
}
