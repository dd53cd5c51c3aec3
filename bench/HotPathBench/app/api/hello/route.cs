namespace HotPathBench.App.Api;

/// <summary>The smallest dynamic JSON route.</summary>
public static class HelloRoute
{
    public static Response GET() => Response.Json(new Hello("world"), BenchJson.Default.Hello);
}
