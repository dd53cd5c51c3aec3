namespace FunctionApp.App.Api;

/// <summary>
/// <c>/api/headers</c>: <c>Next.Headers()</c> and <c>request.Headers</c> are read-only; to send headers, put them on
/// the response you return.
/// </summary>
public static class HeadersRoute
{
    public static Response GET(NextRequest request)
    {
        var userAgent = Next.Headers().Get("user-agent") ?? "unknown";
        var referer = request.Headers.Get("referer");
        return new Response($"You are {userAgent}{(referer is null ? string.Empty : $", coming from {referer}")}.\n", new ResponseInit
        {
            Headers = { { "x-powered-by-route", "api/headers" } },
        });
    }
}
