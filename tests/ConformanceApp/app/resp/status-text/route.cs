namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/status-text/route.ts.</summary>
public static class StatusTextRoute
{
    public static Response GET() => new("teapot", new ResponseInit { Status = 418, StatusText = "I'm a custom teapot" });
}
