using NextE2eApp.Fixture;

namespace NextE2eApp.App.Edge.Advanced.Body;

/// <summary>Port of app/edge/advanced/body/text/route.ts: as /advanced/body/text, on the edge runtime (accepted, no effect here).</summary>
public static class EdgeTextBodyRoute
{
    public const string Runtime = "edge";

    public static Task<Response> POST(NextRequest request) => BodyReaders.Text(request);
}
