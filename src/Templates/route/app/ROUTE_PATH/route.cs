namespace ROUTE_NAMESPACE;

/// <summary>The route handlers of <c>app/ROUTE_PATH_TEXT</c>.</summary>
public static class ROUTE_CLASSRoute
{
#if (hasGet)
    public static Response GET(NextRequest request) =>
        new($"GET {request.NextUrl.Pathname}\n");
#endif
#if (hasHead)

    /// <summary>Answers HEAD itself; without this handler, HEAD runs GET and drops the body.</summary>
    public static Response HEAD() => new(new ResponseInit { Status = 200 });
#endif
#if (hasPost)

    public static async Task<Response> POST(NextRequest request)
    {
        var body = await request.Text();
        return new Response($"POST {request.NextUrl.Pathname}: {body.Length} characters\n", new ResponseInit { Status = 201 });
    }
#endif
#if (hasPut)

    public static async Task<Response> PUT(NextRequest request)
    {
        var body = await request.Text();
        return new Response($"PUT {request.NextUrl.Pathname}: {body.Length} characters\n");
    }
#endif
#if (hasPatch)

    public static async Task<Response> PATCH(NextRequest request)
    {
        var body = await request.Text();
        return new Response($"PATCH {request.NextUrl.Pathname}: {body.Length} characters\n");
    }
#endif
#if (hasDelete)

    public static Response DELETE() => new(new ResponseInit { Status = 204 });
#endif
#if (hasOptions)

    /// <summary>Answers OPTIONS itself; without this handler, OPTIONS answers 204 with Allow listing the handlers.</summary>
    public static Response OPTIONS() => new(new ResponseInit { Status = 204 });
#endif
}
