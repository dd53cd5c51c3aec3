namespace ConformanceApp.App.Stream;

/// <summary>Port of app/stream/chunks/route.ts: five chunks, 200 ms apart, each flushed.</summary>
public static class ChunksRoute
{
    public const string Dynamic = "force-dynamic";

    public static Response GET(CancellationToken aborted) =>
        new(Chunks(aborted), new ResponseInit { Headers = { { "content-type", "text/plain; charset=utf-8" } } });

    private static async IAsyncEnumerable<string> Chunks([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken aborted)
    {
        for (var i = 0; i < 5; i++)
        {
            yield return $"chunk-{i}\n";
            await Task.Delay(200, aborted);
        }
    }
}
