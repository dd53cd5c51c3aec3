using NextE2eApp.Fixture;

namespace NextE2eApp.App.Hooks;

/// <summary>Port of app/hooks/json/route.ts: the x-request-meta request header, parsed, as a NextResponse.json body.</summary>
public static class JsonRoute
{
    public static Response GET(NextRequest request) => NextResponse.Json(RequestMeta.From(request.Headers));
}
