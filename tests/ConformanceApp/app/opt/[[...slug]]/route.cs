namespace ConformanceApp.App.Opt;

/// <summary>Port of app/opt/[[...slug]]/route.ts: an absent optional catch-all is absent from params.</summary>
public static class OptionalCatchAllRoute
{
    public static Response GET(RouteParams @params) =>
        Response.Json(new { route = "/opt/[[...slug]]", @params, hasSlug = @params.Has("slug") });
}
