using ConformanceApp.Lib;

namespace ConformanceApp.App.Static;

/// <summary>Port of app/static/path-target/route.ts: the target of RevalidatePath.</summary>
public static class PathTargetRoute
{
    public const string Dynamic = "force-static";

    public static Response GET() => Response.Json(Stamp.With("path-target", ("route", "/static/path-target")));
}
