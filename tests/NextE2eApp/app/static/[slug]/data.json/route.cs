namespace NextE2eApp.App.Static;

/// <summary>Port of app/static/[slug]/data.json/route.ts: first and second are prerendered, other slugs rendered once on demand.</summary>
public static class StaticDataRoute
{
    public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() => [new() { ["slug"] = "first" }, new() { ["slug"] = "second" }];

    public static Response GET(RouteParams @params) => NextResponse.Json(new { @params, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
}
