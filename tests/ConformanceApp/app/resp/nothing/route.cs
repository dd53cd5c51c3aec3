namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/nothing/route.ts: a handler that returns nothing is a 500.</summary>
public static class NothingRoute
{
    public static Response GET() => null!;
}
