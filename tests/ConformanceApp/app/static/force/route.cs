using ConformanceApp.Lib;

namespace ConformanceApp.App.Static;

/// <summary>Port of app/static/force/route.ts: prerendered, with an emptied request.</summary>
public static class ForceRoute
{
    public const string Dynamic = "force-static";

    public static Response GET(NextRequest request) =>
        Response.Json(Stamp.With("force-static", ("route", "/static/force"), ("seen", Seen.Of(request))));
}
