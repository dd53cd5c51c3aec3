namespace ConformanceApp.App.Body;

/// <summary>Port of app/body/form/route.ts.</summary>
public static class FormRoute
{
    public static async Task<Response> POST(NextRequest request)
    {
        var form = await request.FormData();
        var fields = new Dictionary<string, object?>();
        foreach (var entry in form)
        {
            fields[entry.Name] = entry.File is { } file
                ? new { kind = "file", name = file.Name, type = file.Type, size = file.Size, content = file.Text() }
                : entry.Value;
        }

        return Response.Json(new { contentType = request.Headers.Get("content-type")?.Split(';')[0], fields, all_multi = form.GetAll("multi").Select(e => e.Value) });
    }
}
