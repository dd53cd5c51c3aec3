namespace BenchApp.App.Products;

/// <summary>
/// <c>GET /products/[id]</c>: a cached route with a dynamic parameter. Products 1 to <c>BENCH_PRERENDER_PATHS</c>
/// (default 1) are prerendered; any other id is rendered on its first request and cached (in the configured store,
/// with the per-instance L1 in front). The blob-cache figures request thousands of ids against Azurite with a small
/// L1; the prerender figures start instances with 10 and 1,000 prerendered ids.
/// </summary>
internal static class ProductRoute
{
    public const string Dynamic = "force-static";

    private static readonly string Padding = new('x', 900);

    public static IEnumerable<Dictionary<string, string>> GenerateStaticParams()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("BENCH_PRERENDER_PATHS"), out var paths) && paths > 0 ? paths : 1;
        for (var id = 1; id <= count; id++) yield return new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public static Response GET(RouteParams @params)
    {
        var id = @params["id"];
        return Response.Json(new Product(id, "Product " + id, Padding), BenchJson.Default.Product);
    }
}
