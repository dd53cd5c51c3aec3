namespace HotPathBench.App.Api;

/// <summary>Rendered once and then served from the in-memory cache.</summary>
public static class StaticRoute
{
    public const string Dynamic = "force-static";

    public static Response GET() => Response.Json(new Hello("cached"), BenchJson.Default.Hello);
}
