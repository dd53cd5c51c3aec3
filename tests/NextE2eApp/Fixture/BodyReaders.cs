namespace NextE2eApp.Fixture;

/// <summary>The body readers of app/advanced/body/* and app/edge/advanced/body/*.</summary>
public static class BodyReaders
{
    /// <summary>Reads the body as JSON (whatever its content type) and answers <c>hello, world</c> with meta <c>{body}</c>.</summary>
    public static async Task<Response> Json(NextRequest request)
    {
        var body = await request.Json();
        return new Response("hello, world", new ResponseInit { Status = 200, Headers = RequestMeta.Header(new { body }) });
    }

    /// <summary>Reads the body as text and answers <c>hello, world</c> with meta <c>{body}</c>.</summary>
    public static async Task<Response> Text(NextRequest request)
    {
        var body = await request.Text();
        return new Response("hello, world", new ResponseInit { Status = 200, Headers = RequestMeta.Header(new { body }) });
    }

    /// <summary>Answers with the request body as it is read: no content type of its own, 400 when there is no body.</summary>
    public static Response Echo(NextRequest request) =>
        request.Body is { } body
            ? new Response(body, new ResponseInit { Status = 200 })
            : new Response(new ResponseInit { Status = 400, StatusText = "Bad Request" });
}
