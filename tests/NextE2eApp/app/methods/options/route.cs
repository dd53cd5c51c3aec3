using NextE2eApp.Fixture;

namespace NextE2eApp.App.Methods;

/// <summary>Port of app/methods/options/route.ts: GET, POST and DELETE, so OPTIONS is the automatic one.</summary>
public static class OptionsRoute
{
    public static Response GET(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response POST(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response DELETE(NextRequest request, RouteContext context) => Hello.Handle(request, context);
}
