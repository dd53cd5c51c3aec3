using NextRouteHandlers.Manifest;

namespace BenchApp.App.Api.Items;

/// <summary><c>GET /api/items/[slug]?q=</c>: a parameter from the path and one from the query.</summary>
internal static class ItemRoute
{
    public static Response GET(NextRequest request, RouteContext context) =>
        Response.Json(new Item(context.Params["slug"], request.NextUrl.SearchParams.Get("q")), BenchJson.Default.Item);
}
