namespace ConformanceApp.App.Methods;

/// <summary>Port of app/methods/get-only/route.ts.</summary>
public static class GetOnlyRoute
{
    public static Response GET() =>
        new("get-only body", new ResponseInit { Status = 200, Headers = { { "content-type", "text/plain; charset=utf-8" }, { "x-get-only", "yes" } } });
}
