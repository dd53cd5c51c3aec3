using NextE2eApp.Fixture;

namespace NextE2eApp.App.Edge;

/// <summary>Port of app/edge/route.ts: the hello handler on the edge runtime (accepted, no effect here).</summary>
public static class EdgeRoute
{
    public const string Runtime = "edge";

    public static Response GET(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response HEAD(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response OPTIONS(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response POST(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response PUT(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response DELETE(NextRequest request, RouteContext context) => Hello.Handle(request, context);

    public static Response PATCH(NextRequest request, RouteContext context) => Hello.Handle(request, context);
}
