namespace ConformanceApp.App.P;

/// <summary>Port of app/p/[...rest]/route.ts.</summary>
public static class RestRoute
{
    public static Response GET(RouteParams @params) => Response.Json(new { route = "/p/[...rest]", @params });
}
