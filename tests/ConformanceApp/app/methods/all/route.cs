namespace ConformanceApp.App.Methods;

/// <summary>Port of app/methods/all/route.ts: every handler echoes the method in the body and in x-handler.</summary>
public static class AllMethodsRoute
{
    public static Response GET(NextRequest request) => Reply(request);

    public static Response POST(NextRequest request) => Reply(request, 201);

    public static Response PUT(NextRequest request) => Reply(request);

    public static Response PATCH(NextRequest request) => Reply(request);

    public static Response DELETE(NextRequest request) => Reply(request);

    private static Response Reply(NextRequest request, int status = 200) =>
        NextResponse.Json(new { method = request.Method, handler = request.Method }, new ResponseInit { Status = status, Headers = { { "x-handler", request.Method } } });
}
