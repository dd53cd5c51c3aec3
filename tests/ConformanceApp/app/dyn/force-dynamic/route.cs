using ConformanceApp.Lib;

namespace ConformanceApp.App.Dyn;

/// <summary>Port of app/dyn/force-dynamic/route.ts.</summary>
public static class ForceDynamicRoute
{
    public const string Dynamic = "force-dynamic";

    public static Response GET() => Response.Json(Stamp.With("force-dynamic", ("route", "/dyn/force-dynamic")));
}
