using Microsoft.Extensions.Logging;

namespace FunctionApp.App.Api;

/// <summary>
/// <c>POST /api/track?page=/docs</c>: records a page view without making the visitor wait for it. The 202 goes out at
/// once; the work handed to <c>Next.After</c> runs once the response has been sent (the function invocation lasts until
/// it is done) and may still read the request's headers, as Next.js's <c>after()</c> may. Here it only logs; a real
/// app would write to its analytics store, and a failure there would be logged, never sent.
/// </summary>
public static class TrackRoute
{
    public static Response POST(NextRequest request, ILoggerFactory loggers)
    {
        var page = request.NextUrl.SearchParams.Get("page") ?? "/";
        Next.After(() =>
        {
            var agent = Next.Headers().Get("user-agent") ?? "unknown";
            loggers.CreateLogger("FunctionApp.Track").LogInformation("Page view of {Page} by {UserAgent}", page, agent);
        });
        return new Response(new ResponseInit { Status = 202 });
    }
}
