namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/target/route.ts.</summary>
public static class TargetRoute
{
    public static Response GET(NextRequest request) => Response.Json(new { target = true, from = request.NextUrl.SearchParams.Get("from") });
}
