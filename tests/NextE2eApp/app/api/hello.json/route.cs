namespace NextE2eApp.App.Api;

/// <summary>Port of app/api/hello.json/route.ts: revalidated every second, so prerendered.</summary>
public static class HelloJsonRoute
{
    public const int Revalidate = 1;

    public static Response GET(NextRequest request) => NextResponse.Json(new { pathname = request.NextUrl.Pathname });
}
