namespace ConformanceApp.App.Body;

/// <summary>Port of app/body/text/route.ts. JavaScript's length counts UTF-16 code units, as string.Length does.</summary>
public static class TextRoute
{
    public static async Task<Response> POST(NextRequest request)
    {
        var text = await request.Text();
        return Response.Json(new { text, length = text.Length, contentType = request.Headers.Get("content-type") });
    }
}
