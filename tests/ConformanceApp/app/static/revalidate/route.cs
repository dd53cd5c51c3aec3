using ConformanceApp.Lib;

namespace ConformanceApp.App.Static;

/// <summary>Port of app/static/revalidate/route.ts: time-based revalidation every 5 seconds.</summary>
public static class RevalidateRoute
{
    public const int Revalidate = 5;

    public static Response GET() => Response.Json(Stamp.With("revalidate-5", ("route", "/static/revalidate")));
}
