using NextRouteHandlers.Manifest;

namespace FunctionApp.App.Api.Items;

/// <summary>
/// <c>/api/items/[slug]</c>: a dynamic segment. <c>context.Params["slug"]</c> is already percent-decoded
/// (<c>/api/items/caf%C3%A9</c> gives <c>café</c>); <c>request.NextUrl.Pathname</c> stays encoded.
/// </summary>
public static class ItemRoute
{
    public static Response GET(NextRequest request, RouteContext context) =>
        Response.Json(new Item(context.Params["slug"], request.NextUrl.Pathname), SampleJson.Default.Item);

    /// <summary>DELETE answers 204 with no body; OPTIONS is answered for you with <c>Allow: DELETE, GET, HEAD, OPTIONS</c>.</summary>
    public static Response DELETE() => new(new ResponseInit { Status = 204 });
}
