namespace BenchApp.App.Products;

/// <summary>
/// <c>GET /products/[id]</c>: a cached route with a dynamic parameter. Product 1 is prerendered; any other id is
/// rendered on its first request and cached (in the configured store, with the per-instance L1 in front). The
/// blob-cache figures request thousands of ids against Azurite with a small L1.
/// </summary>
internal static class ProductRoute
{
    public const string Dynamic = "force-static";

    private static readonly string Padding = new('x', 900);

    public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() => [new() { ["id"] = "1" }];

    public static Response GET(RouteParams @params)
    {
        var id = @params["id"];
        return Response.Json(new Product(id, "Product " + id, Padding), BenchJson.Default.Product);
    }
}
