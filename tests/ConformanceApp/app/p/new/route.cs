namespace ConformanceApp.App.P;

/// <summary>Port of app/p/new/route.ts: the static segment beats [id].</summary>
public static class NewRoute
{
    public static Response GET() => Response.Json(new { route = "/p/new" });
}
