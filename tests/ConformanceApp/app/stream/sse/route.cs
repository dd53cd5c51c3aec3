namespace ConformanceApp.App.Stream;

/// <summary>Port of app/stream/sse/route.ts.</summary>
public static class SseRoute
{
    public const string Dynamic = "force-dynamic";

    public static Response GET(CancellationToken aborted) =>
        EventStream.Create(Events(aborted), init: new ResponseInit { Headers = { { "connection", "keep-alive" } } });

    private static async IAsyncEnumerable<ServerSentEvent> Events([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken aborted)
    {
        for (var i = 1; i <= 3; i++)
        {
            yield return new ServerSentEvent($"{{\"n\":{i}}}") { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Event = "tick" };
            await Task.Delay(150, aborted);
        }

        yield return new ServerSentEvent("bye") { Event = "done" };
    }
}
