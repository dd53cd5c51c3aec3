using NextRouteHandlers.Manifest;

namespace ConformanceApp.App.Items;

/// <summary>Port of app/items/[slug]/route.ts.</summary>
public static class ItemRoute
{
    public static Response GET(NextRequest request, RouteContext context) =>
        Response.Json(new { route = "/items/[slug]", slug = context.Params["slug"], pathname = request.NextUrl.Pathname, url = request.Url });
}
