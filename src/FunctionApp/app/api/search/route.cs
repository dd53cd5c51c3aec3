namespace FunctionApp.App.Api;

/// <summary><c>/api/search?query=hello&amp;tag=a&amp;tag=b</c>: query parameters from <c>request.NextUrl.SearchParams</c>.</summary>
public static class SearchRoute
{
    public static Response GET(NextRequest request)
    {
        var search = request.NextUrl.SearchParams;
        return Response.Json(new SearchQuery(search.Get("query") ?? string.Empty, [.. search.GetAll("tag")]), SampleJson.Default.SearchQuery);
    }
}
