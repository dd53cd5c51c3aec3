using ConformanceApp.Lib;

namespace ConformanceApp.App.Static;

/// <summary>Port of app/static/revalidate-with-post/route.ts: Next.js makes the route dynamic for its POST; here the GET is cached beside it (docs/deviations.md).</summary>
public static class RevalidateWithPostRoute
{
    public const int Revalidate = 5;

    public static Response GET() => Response.Json(Stamp.With("revalidate-with-post", ("route", "/static/revalidate-with-post")));

    public static Response POST() => Response.Json(Stamp.With("revalidate-with-post-post", ("route", "/static/revalidate-with-post"), ("method", "POST")));
}
