using System.Globalization;
using System.Runtime.CompilerServices;

namespace FunctionApp.App.Api;

/// <summary>
/// <c>/api/events</c>: server-sent events. The heartbeat keeps the connection open behind the Azure Functions host,
/// which drops connections idle for 240 seconds.
/// </summary>
public static class EventsRoute
{
    public static Response GET(CancellationToken aborted) => EventStream.Create(Ticks(aborted), heartbeat: TimeSpan.FromSeconds(30));

    private static async IAsyncEnumerable<ServerSentEvent> Ticks([EnumeratorCancellation] CancellationToken aborted)
    {
        for (var i = 1; i <= 5; i++)
        {
            yield return new ServerSentEvent(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)) { Id = i.ToString(CultureInfo.InvariantCulture), Event = "tick" };
            await Task.Delay(TimeSpan.FromSeconds(1), aborted);
        }
    }
}
