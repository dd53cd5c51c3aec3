using ConformanceApp.Lib;

namespace ConformanceApp.App.After;

/// <summary>Opens the gate of app/after/hold's work for <c>?id=</c> and answers what that work reported.</summary>
public static class ReleaseRoute
{
    public static async Task<Response> POST(NextRequest request)
    {
        var gate = AfterGates.For(request.NextUrl.SearchParams.Get("id") ?? "default");
        gate.Release.TrySetResult();
        return new Response(await gate.Done.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
