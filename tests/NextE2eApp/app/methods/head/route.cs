using NextE2eApp.Fixture;

namespace NextE2eApp.App.Methods;

/// <summary>Port of app/methods/head/route.ts: GET only, so HEAD is the automatic one.</summary>
public static class HeadRoute
{
    public static Response GET(NextRequest request, RouteContext context) => Hello.Handle(request, context);
}
