namespace NextE2eApp.App.Revalidate1;

/// <summary>Port of app/revalidate-1/[slug]/data.json/route.ts: as /static/[slug]/data.json, revalidated every second.</summary>
public static class RevalidatingDataRoute
{
    public const int Revalidate = 1;

    public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() => [new() { ["slug"] = "first" }, new() { ["slug"] = "second" }];

    public static Response GET(RouteParams @params) => NextResponse.Json(new { @params, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
}
