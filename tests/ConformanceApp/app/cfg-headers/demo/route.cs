namespace ConformanceApp.App.CfgHeaders;

/// <summary>Port of app/cfg-headers/demo/route.ts: sets a header that a next.config headers() rule also sets (the rule wins).</summary>
public static class DemoRoute
{
    public static Response GET() =>
        Response.Json(new { route = "/cfg-headers/demo" }, new ResponseInit { Headers = { { "x-config-header", "from-handler" } } });
}
