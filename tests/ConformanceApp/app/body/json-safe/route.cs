using System.Text.Json;

namespace ConformanceApp.App.Body;

/// <summary>Port of app/body/json-safe/route.ts.</summary>
public static class JsonSafeRoute
{
    public static async Task<Response> POST(NextRequest request)
    {
        try
        {
            return Response.Json(new { received = await request.Json() });
        }
        catch (JsonException)
        {
            return Response.Json(new { error = "invalid json", name = "SyntaxError" }, new ResponseInit { Status = 400 });
        }
    }
}
