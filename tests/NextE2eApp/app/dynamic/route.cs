namespace NextE2eApp.App.Dynamic;

/// <summary>Port of app/dynamic/route.ts: force-static, so the handler sees an emptied request (no query, headers or cookies).</summary>
public static class ForceStaticRoute
{
    public const string Dynamic = "force-static";

    public static Response GET(NextRequest request) => NextResponse.Json(new
    {
        nextUrl = new
        {
            href = request.NextUrl.Href,
            search = request.NextUrl.Search,
            searchParams = request.NextUrl.SearchParams.Get("query"),
            // NextUrl is immutable here, so nextUrl.clone() is the same URL.
            clone = request.NextUrl.ToString(),
        },
        req = new { url = request.Url, headers = request.Headers.Get("accept") },
        headers = Next.Headers().Get("accept"),
        cookies = Next.Cookies().Get("session")?.Value,
    });
}
