namespace NextE2eApp.App.Api;

/// <summary>Port of app/api/dynamic/route.ts: reads the search parameters, so dynamic.</summary>
public static class DynamicRoute
{
    public static Response GET(NextRequest request)
    {
        // Object.fromEntries: one member per name, the last value winning.
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.NextUrl.SearchParams) query[name] = value;
        return NextResponse.Json(new { pathname = request.NextUrl.Pathname, query });
    }
}
