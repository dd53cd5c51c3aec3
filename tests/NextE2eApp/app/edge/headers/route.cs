using NextE2eApp.Fixture;

namespace NextE2eApp.App.Edge;

/// <summary>Port of app/edge/headers/route.ts: the request meta read through headers(), as JSON, on the edge runtime (accepted, no effect here).</summary>
public static class EdgeHeadersRoute
{
    public const string Runtime = "edge";

    public static Response GET() => NextResponse.Json(RequestMeta.From(Next.Headers()));
}
