using NextE2eApp.Fixture;

namespace NextE2eApp.App.Edge.Advanced;

/// <summary>Port of app/edge/advanced/query/route.ts: as /advanced/query, on the edge runtime (accepted, no effect here).</summary>
public static class EdgeQueryRoute
{
    public const string Runtime = "edge";

    public static Response GET(NextRequest request) => Query.Handle(request);
}
