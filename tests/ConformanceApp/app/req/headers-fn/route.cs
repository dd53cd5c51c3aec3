namespace ConformanceApp.App.Req;

/// <summary>Port of app/req/headers-fn/route.ts: headers() is read-only.</summary>
public static class HeadersFunctionRoute
{
    public static Response GET()
    {
        var headers = Next.Headers();
        string? mutationError = null;
        try
        {
            headers.Set("x-added", "1");
        }
        catch (ReadOnlyHeadersException e)
        {
            mutationError = "Error: " + e.Message;
        }

        var names = headers.Select(h => h.Key).Distinct().Order(StringComparer.Ordinal);
        return Response.Json(new { names, mutationError, referer = headers.Get("referer") });
    }
}
