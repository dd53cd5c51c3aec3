namespace BenchApp.App.Api.Hello;

/// <summary><c>GET /api/hello</c>: a small dynamic JSON answer (rendered on every request).</summary>
internal static class HelloRoute
{
    public static Response GET() => Response.Json(new BenchApp.Hello("world"), BenchJson.Default.Hello);
}
