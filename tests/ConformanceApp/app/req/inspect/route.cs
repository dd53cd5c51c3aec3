namespace ConformanceApp.App.Req;

/// <summary>Port of app/req/inspect/route.ts: reports what the handler sees of the request.</summary>
public static class InspectRoute
{
    public static Response GET(NextRequest request)
    {
        var store = Next.Cookies();
        var headers = Next.Headers();
        static object? Pair(RequestCookie? c) => c is null ? null : new { name = c.Name, value = c.Value };
        static object? StoreCookie(ResponseCookie? c) => c is null ? null : new { name = c.Name, value = c.Value, path = c.Path };
        return NextResponse.Json(new
        {
            method = request.Method,
            url = request.Url,
            nextUrl = new
            {
                pathname = request.NextUrl.Pathname,
                search = request.NextUrl.Search,
                searchParams = request.NextUrl.SearchParams.Select(p => new[] { p.Key, p.Value }),
                multi = request.NextUrl.SearchParams.GetAll("m"),
                host = request.NextUrl.Host,
                protocol = request.NextUrl.Protocol,
                basePath = request.NextUrl.BasePath,
            },
            requestCookies = new
            {
                getAll = request.Cookies.GetAll().Select(Pair),
                get_a = Pair(request.Cookies.Get("a")),
                has_a = request.Cookies.Has("a"),
                has_missing = request.Cookies.Has("missing"),
                size = request.Cookies.Size,
            },
            nextHeadersCookies = new
            {
                getAll = store.GetAll().Select(StoreCookie),
                get_a = StoreCookie(store.Get("a")),
                has_b = store.Has("b"),
            },
            requestHeaders = new Dictionary<string, string?>
            {
                ["x-test"] = request.Headers.Get("x-test"),
                ["X-Test-Upper"] = request.Headers.Get("X-TEST"),
                ["x-multi"] = request.Headers.Get("x-multi"),
                ["user-agent"] = request.Headers.Get("user-agent"),
                ["host"] = request.Headers.Get("host"),
            },
            nextHeadersHeaders = new Dictionary<string, string?>
            {
                ["x-test"] = headers.Get("x-test"),
                ["x-forwarded-host"] = headers.Get("x-forwarded-host"),
                ["x-forwarded-proto"] = headers.Get("x-forwarded-proto"),
                ["x-forwarded-port"] = headers.Get("x-forwarded-port"),
                ["x-forwarded-for"] = headers.Get("x-forwarded-for"),
            },
        });
    }
}
