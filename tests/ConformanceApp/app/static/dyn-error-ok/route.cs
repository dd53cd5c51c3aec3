using ConformanceApp.Lib;

namespace ConformanceApp.App.Static;

/// <summary>Port of app/static/dyn-error-ok/route.ts: dynamic = "error" is fine while nothing dynamic is read.</summary>
public static class DynErrorOkRoute
{
    public const string Dynamic = "error";

    public static Response GET() => Response.Json(Stamp.With("dyn-error-ok", ("route", "/static/dyn-error-ok")));
}
