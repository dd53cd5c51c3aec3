using ConformanceApp.Lib;

namespace ConformanceApp.App.GspOpen;

/// <summary>Port of app/gsp-open/[id]/route.ts: listed ids are prerendered, others rendered on first request.</summary>
public static class GspOpenRoute
{
    public const string Dynamic = "force-static";

    public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() => [new() { ["id"] = "a" }, new() { ["id"] = "b" }];

    public static Response GET(RouteParams @params) => Response.Json(Stamp.With("gsp-open-" + @params["id"], ("route", "/gsp-open/[id]"), ("id", @params["id"])));
}
