namespace HotPathBench.App.Api.Items;

/// <summary>A dynamic segment and a query parameter.</summary>
public static class ItemRoute
{
    public static Response GET(NextRequest request, RouteContext context) =>
        Response.Json(new Item(context.Params["slug"], request.NextUrl.SearchParams.Get("q")), BenchJson.Default.Item);
}
