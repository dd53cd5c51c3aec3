namespace BenchApp.App.Api.Static;

/// <summary>
/// <c>GET /api/static</c>: <c>force-static</c>, so it is rendered once (prerendered at startup) and every request is
/// answered from the per-instance memory cache; measured against the baseline's pre-serialized constant.
/// </summary>
internal static class StaticRoute
{
    public const string Dynamic = "force-static";

    public static Response GET() => Response.Json(new BenchApp.Hello("static"), BenchJson.Default.Hello);
}
