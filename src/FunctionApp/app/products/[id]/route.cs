namespace FunctionApp.App.Products;

/// <summary>
/// <c>/products/[id]</c>: the listed products are prerendered when the app starts; others are rendered on first
/// request and cached. Every response is tagged <c>products</c>, so <c>/api/revalidate</c> can refresh them all. An id
/// that is not a number is not a product: <c>Next.NotFound()</c> answers 404, and that answer is cached too.
/// </summary>
public static class ProductRoute
{
    public const string Dynamic = "force-static";

    public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() =>
        [new() { ["id"] = "1" }, new() { ["id"] = "2" }, new() { ["id"] = "3" }];

    public static Response GET(RouteParams @params)
    {
        if (!int.TryParse(@params["id"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)) return Next.NotFound();
        Next.CacheTag("products");
        return Response.Json(new Product(@params["id"], DateTimeOffset.UtcNow), SampleJson.Default.Product);
    }
}
