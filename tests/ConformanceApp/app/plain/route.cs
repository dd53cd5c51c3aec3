namespace ConformanceApp.App;

/// <summary>Port of app/plain/route.ts.</summary>
public static class PlainRoute
{
    public static Response GET() => new("hello plain text\n");
}
