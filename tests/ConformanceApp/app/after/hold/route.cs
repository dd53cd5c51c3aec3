using ConformanceApp.Lib;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConformanceApp.App.After;

/// <summary>
/// What app/after/hold/route.ts would be (the recorded fixture has none): <c>after()</c> work that waits at the gate of
/// <c>?id=</c> and then, as the response is long gone, reads the request and resolves a service of the invocation, which
/// only works while the invocation is still alive. The body has a known length: under the Functions host, whose own
/// response ends when the invocation does, a streamed body's last chunk would reach the client only then.
/// </summary>
public static class HoldRoute
{
    public static Response GET(NextRequest request, HttpContext context)
    {
        var gate = AfterGates.For(request.NextUrl.SearchParams.Get("id") ?? "default");
        Next.After(async () =>
        {
            await gate.Release.Task;
            try
            {
                _ = context.RequestServices.GetRequiredService<IConfiguration>();
                gate.Done.TrySetResult("done for " + Next.Headers().Get("x-client"));
            }
            catch (Exception exception)
            {
                gate.Done.TrySetResult("failed: " + exception.GetType().Name);
            }
        });
        return new Response("scheduled");
    }
}
