namespace FunctionApp.App.Api;

/// <summary>
/// <c>/api/time</c>: incremental static regeneration. The response is cached for 10 seconds
/// (<c>x-nextjs-cache: HIT</c>); the first request after that gets the old response (STALE) while one background
/// render replaces it.
/// </summary>
public static class TimeRoute
{
    public const int Revalidate = 10;

    public static Response GET() => Response.Json(new RenderedAt(DateTimeOffset.UtcNow), SampleJson.Default.RenderedAt);
}
