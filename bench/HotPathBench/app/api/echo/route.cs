namespace HotPathBench.App.Api;

/// <summary>Reads a JSON body and writes it back.</summary>
public static class EchoRoute
{
    public static async Task<Response> POST(NextRequest request) =>
        Response.Json(await request.Json(BenchJson.Default.Payload) ?? new Payload(string.Empty, 0), BenchJson.Default.Payload);
}
