using NextRouteHandlers.Manifest;

namespace ConformanceApp.App.Docs;

/// <summary>Port of app/docs/[...slug]/route.ts.</summary>
public static class DocsRoute
{
    public static Response GET(RouteContext context) => Response.Json(new { route = "/docs/[...slug]", @params = context.Params });
}
