namespace ConformanceApp.App.After;

/// <summary>
/// What app/after/fail/route.ts would be (the recorded fixture has none): <c>after()</c> work that throws, naming
/// <c>?id=</c>; the client gets its response, and the error only reaches the log.
/// </summary>
public static class FailRoute
{
    public static Response GET(NextRequest request)
    {
        var id = request.NextUrl.SearchParams.Get("id");
        Next.After(() => throw new InvalidOperationException("after() work failed for " + id));
        return new Response("scheduled");
    }
}
