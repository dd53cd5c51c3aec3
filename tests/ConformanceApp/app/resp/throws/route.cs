namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/throws/route.ts.</summary>
public static class ThrowsRoute
{
    public static Response GET() => throw new InvalidOperationException("boom from route handler");
}
