using ConformanceApp.Lib;

namespace ConformanceApp.App.Dyn;

/// <summary>Port of app/dyn/default/route.ts: no segment config, so dynamic.</summary>
public static class DefaultRoute
{
    public static Response GET() => Response.Json(Stamp.With("default", ("route", "/dyn/default")));
}
