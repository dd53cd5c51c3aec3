namespace FunctionApp.App;

/// <summary><c>GET /</c>: the home route. The Functions host also polls <c>/</c> to know the app is up.</summary>
public static class HomeRoute
{
    public static Response GET() => new("Route handlers for .NET on Azure Functions. Try /api/hello, /api/items/42 or /docs/a/b.\n");
}
