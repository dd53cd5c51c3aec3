namespace ConformanceApp.App.Revalidate;

/// <summary>Port of app/revalidate/path/route.ts.</summary>
public static class RevalidatePathRoute
{
    public static Response POST(NextRequest request)
    {
        var path = request.NextUrl.SearchParams.Get("path") ?? "/static/path-target";
        Next.RevalidatePath(path);
        return Response.Json(new { revalidated = true, path });
    }
}
