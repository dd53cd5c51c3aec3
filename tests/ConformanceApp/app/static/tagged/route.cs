using ConformanceApp.Lib;

namespace ConformanceApp.App.Static;

/// <summary>Port of app/static/tagged/route.ts: unstable_cache(..., { tags: ["demo-tag"] }) becomes Next.CacheTag.</summary>
public static class TaggedRoute
{
    public const string Dynamic = "force-static";

    public static Response GET()
    {
        Next.CacheTag("demo-tag");
        return Response.Json(new { route = "/static/tagged", data = Stamp.For("tagged-data"), handler = Stamp.For("tagged-handler") });
    }
}
