namespace BenchApp.App.Api.Echo;

/// <summary><c>POST /api/echo</c>: parses the JSON body and writes it back, as the baseline's <c>JsonElement</c> endpoint does.</summary>
internal static class EchoRoute
{
    public static async Task<Response> POST(NextRequest request) =>
        Response.Json(await request.Json(), BenchJson.Default.JsonElement);
}
