namespace ConformanceApp.App.Resp;

/// <summary>Port of app/resp/redirect/route.ts.</summary>
public static class RedirectRoute
{
    public static Response GET(NextRequest request)
    {
        var status = request.NextUrl.SearchParams.Get("status");
        var target = new Uri(new Uri(request.Url), "/resp/target?from=redirect").AbsoluteUri;
        if (request.NextUrl.SearchParams.Get("absolute") == "1") return NextResponse.Redirect("https://example.com/elsewhere");
        return status is null ? NextResponse.Redirect(target) : NextResponse.Redirect(target, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
    }
}
