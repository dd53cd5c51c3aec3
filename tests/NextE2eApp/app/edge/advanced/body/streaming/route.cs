using NextE2eApp.Fixture;

namespace NextE2eApp.App.Edge.Advanced.Body;

/// <summary>Port of app/edge/advanced/body/streaming/route.ts: as /advanced/body/streaming, on the edge runtime (accepted, no effect here).</summary>
public static class EdgeStreamingBodyRoute
{
    public const string Runtime = "edge";

    public static Response POST(NextRequest request) => BodyReaders.Echo(request);
}
