namespace FunctionApp.App.Docs;

/// <summary><c>/docs/[...path]</c>: a catch-all. <c>/docs/a/b</c> gives the segments <c>["a", "b"]</c>; <c>/docs</c> alone is a 404.</summary>
public static class DocsRoute
{
    public static Response GET(RouteParams @params) => Response.Json(new DocPath([.. @params.GetAll("path")]), SampleJson.Default.DocPath);
}
