namespace ConformanceApp.App.P;

/// <summary>Port of app/p/[id]/route.ts.</summary>
public static class IdRoute
{
    public static Response GET(RouteParams @params) => Response.Json(new { route = "/p/[id]", @params });
}
