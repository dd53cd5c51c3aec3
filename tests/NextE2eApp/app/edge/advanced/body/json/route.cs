using NextE2eApp.Fixture;

namespace NextE2eApp.App.Edge.Advanced.Body;

/// <summary>Port of app/edge/advanced/body/json/route.ts: POST reads a JSON body, on the edge runtime (accepted, no effect here).</summary>
public static class EdgeJsonBodyRoute
{
    public const string Runtime = "edge";

    public static Task<Response> POST(NextRequest request) => BodyReaders.Json(request);
}
