using System.Text.Json;

namespace ConformanceApp.App.Body;

/// <summary>Port of app/body/json/route.ts: malformed JSON propagates (500).</summary>
public static class JsonRoute
{
    public static async Task<Response> POST(NextRequest request)
    {
        var data = await request.Json();
        var type = data.ValueKind switch
        {
            JsonValueKind.Array => "array",
            JsonValueKind.Object or JsonValueKind.Null => "object",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "boolean",
        };
        return Response.Json(new { received = data, type });
    }
}
