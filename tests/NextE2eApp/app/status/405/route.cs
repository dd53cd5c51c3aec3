using NextE2eApp.Fixture;

namespace NextE2eApp.App.Status;

/// <summary>Port of app/status/405/route.ts: a force-dynamic GET, so every other method is not allowed.</summary>
public static class MethodNotAllowedRoute
{
    public const string Dynamic = "force-dynamic";

    public static Response GET(NextRequest request, RouteContext context) => Hello.Handle(request, context);
}
