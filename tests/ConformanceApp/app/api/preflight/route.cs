namespace ConformanceApp.App.Api;

/// <summary>Port of app/api/preflight/route.ts: GET only; the OPTIONS preflight is answered by proxy.cs.</summary>
public static class PreflightRoute
{
    public static Response GET() => Response.Json(new { route = "/api/preflight" });
}
