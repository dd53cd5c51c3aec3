using ConformanceApp.Lib;

namespace ConformanceApp.App.Dyn;

/// <summary>Port of app/dyn/reads-headers/route.ts.</summary>
public static class ReadsHeadersRoute
{
    public static Response GET() => Response.Json(Stamp.With("reads-headers", ("route", "/dyn/reads-headers"), ("xTest", Next.Headers().Get("x-test"))));
}
