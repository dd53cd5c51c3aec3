namespace ConformanceApp.Lib;

/// <summary>What a force-static handler sees of its request (the "seen" object of the fixture).</summary>
public static class Seen
{
    public static object Of(NextRequest request)
    {
        var cookies = Next.Cookies();
        var headers = Next.Headers();
        return new
        {
            url = request.Url,
            search = request.NextUrl.Search,
            searchParams = request.NextUrl.SearchParams.Select(p => new[] { p.Key, p.Value }),
            requestCookies = request.Cookies.GetAll().Select(c => new { name = c.Name, value = c.Value }),
            nextCookies = cookies.GetAll().Select(c => new { name = c.Name, value = c.Value, path = c.Path }),
            requestHeaderNames = request.Headers.Select(h => h.Key).Distinct().Order(StringComparer.Ordinal),
            xTestViaRequest = request.Headers.Get("x-test"),
            xTestViaHeadersFn = headers.Get("x-test"),
            headersFnCount = headers.Select(h => h.Key).Distinct().Count(),
        };
    }
}
