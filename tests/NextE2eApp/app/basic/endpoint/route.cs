using NextE2eApp.Fixture;

namespace NextE2eApp.App.Basic;

/// <summary>Port of app/basic/endpoint/route.ts: the hello handler for every method, on a route without params.</summary>
public static class EndpointRoute
{
    public static Response GET(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response HEAD(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response OPTIONS(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response POST(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response PUT(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response DELETE(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response PATCH(NextRequest request, RouteContext context) => Hello.Handle(request, context);
}
