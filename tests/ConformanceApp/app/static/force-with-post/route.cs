using ConformanceApp.Lib;

namespace ConformanceApp.App.Static;

/// <summary>Port of app/static/force-with-post/route.ts: Next.js makes the route dynamic for its POST; here the GET is cached beside it (docs/deviations.md). Both see emptied requests.</summary>
public static class ForceWithPostRoute
{
    public const string Dynamic = "force-static";

    public static Response GET(NextRequest request) =>
        Response.Json(Stamp.With("force-with-post", ("route", "/static/force-with-post"), ("seen", Seen.Of(request))));

    public static Response POST(NextRequest request) =>
        Response.Json(Stamp.With("force-with-post-post", ("route", "/static/force-with-post"), ("method", "POST"), ("xTest", request.Headers.Get("x-test"))));
}
