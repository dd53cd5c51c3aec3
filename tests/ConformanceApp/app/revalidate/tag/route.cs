using NextRouteHandlers.Caching;

namespace ConformanceApp.App.Revalidate;

/// <summary>Port of app/revalidate/tag/route.ts.</summary>
public static class RevalidateTagRoute
{
    public static Response POST(NextRequest request)
    {
        var tag = request.NextUrl.SearchParams.Get("tag") ?? "demo-tag";
        var mode = request.NextUrl.SearchParams.Get("mode") ?? "max";
        if (mode == "now") Next.RevalidateTag(tag, CacheLife.Now);
        else Next.RevalidateTag(tag, "max");
        return Response.Json(new { revalidated = true, tag, mode });
    }
}
