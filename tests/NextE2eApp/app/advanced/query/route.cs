using NextE2eApp.Fixture;

namespace NextE2eApp.App.Advanced;

/// <summary>Port of app/advanced/query/route.ts: the ping search parameter as meta.</summary>
public static class QueryRoute
{
    public static Response GET(NextRequest request) => Query.Handle(request);
}
