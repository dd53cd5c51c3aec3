namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/response-json/route.ts.</summary>
public static class ResponseJsonRoute
{
    public static Response GET() => Response.Json(new { via = "Response.json" });

    public static Response POST() => new(System.Text.Json.JsonSerializer.Serialize(new { via = "new Response" }));
}
