using NextE2eApp.Fixture;

namespace NextE2eApp.App.Basic.Grouped;

/// <summary>Port of app/basic/(grouped)/endpoint/nested/route.ts: served at /basic/endpoint/nested, the group folder is not in the URL.</summary>
public static class NestedEndpointRoute
{
    public static Response GET(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response HEAD(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response OPTIONS(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response POST(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response PUT(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response DELETE(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response PATCH(NextRequest request, RouteContext context) => Hello.Handle(request, context);
}
