using ConformanceApp.Lib;

namespace ConformanceApp.App.Gsp;

/// <summary>Port of app/gsp/[id]/route.ts: only the listed ids exist.</summary>
public static class GspRoute
{
    public const bool DynamicParams = false;

    public static Task<IEnumerable<Dictionary<string, string>>> GenerateStaticParams() =>
        Task.FromResult<IEnumerable<Dictionary<string, string>>>([new() { ["id"] = "1" }, new() { ["id"] = "2" }]);

    public static Response GET(RouteParams @params) => Response.Json(Stamp.With("gsp-" + @params["id"], ("route", "/gsp/[id]"), ("id", @params["id"])));
}
