namespace FunctionApp.App.Api;

/// <summary><c>/api/hello</c>: the smallest JSON route. Query parameters come from <c>request.NextUrl.SearchParams</c>.</summary>
public static class HelloRoute
{
    public static Response GET(NextRequest request)
    {
        var name = request.NextUrl.SearchParams.Get("name") ?? "world";
        return Response.Json(new Greeting($"Hello, {name}!"), SampleJson.Default.Greeting);
    }

    /// <summary>POST echoes the JSON body it receives; a body that is not JSON is answered with 400.</summary>
    public static async Task<Response> POST(NextRequest request)
    {
        Greeting? body;
        try
        {
            body = await request.Json(SampleJson.Default.Greeting);
        }
        catch (System.Text.Json.JsonException)
        {
            return Response.Json(new ErrorBody("The body must be JSON like {\"message\":\"hi\"}."), SampleJson.Default.ErrorBody, new ResponseInit { Status = 400 });
        }

        return Response.Json(body ?? new Greeting(string.Empty), SampleJson.Default.Greeting, new ResponseInit { Status = 201 });
    }
}
