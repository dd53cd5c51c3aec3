namespace FunctionApp.App;

/// <summary>
/// <c>GET /</c>: the home route. The Functions host polls <c>/</c> to know the app is up. Add routes with
/// <c>dotnet new route --path api/orders/[id] --methods GET,POST</c>.
/// </summary>
public static class HomeRoute
{
    public static Response GET() =>
        new("FunctionApp: Next.js-style route handlers on Azure Functions. Try /api/hello?name=Ada, /api/items/42 or /api/time.\n");
}
