using NextRouteHandlers.Manifest;

namespace ConformanceApp.App.Shop;

/// <summary>Port of app/shop/[category]/[item]/route.ts.</summary>
public static class ShopItemRoute
{
    public static Response GET(RouteContext context) => Response.Json(new { route = "/shop/[category]/[item]", @params = context.Params });
}
