namespace ConformanceApp.App.Internal;

/// <summary>Port of app/_internal/route.ts: a private folder, never routed.</summary>
public static class InternalRoute
{
    public static Response GET() => new("private folder must not be routed");
}
