namespace FunctionApp.App.Api;

/// <summary><c>/api/redirect</c>: <c>Next.Redirect</c> ends the handler with a 307 (a 303 for a form POST).</summary>
public static class RedirectRoute
{
    public static Response GET(NextRequest request) =>
        request.NextUrl.SearchParams.Get("to") == "docs" ? Next.Redirect("/docs/getting-started") : Next.Redirect("https://nextjs.org/");
}
