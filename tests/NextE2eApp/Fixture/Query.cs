namespace NextE2eApp.Fixture;

/// <summary>The GET of app/advanced/query and app/edge/advanced/query: the <c>ping</c> search parameter as request meta.</summary>
public static class Query
{
    /// <summary>Answers <c>hello, world</c> with meta <c>{ping}</c>.</summary>
    public static Response Handle(NextRequest request) =>
        new("hello, world", new ResponseInit { Headers = RequestMeta.Header(new { ping = request.NextUrl.SearchParams.Get("ping") }) });
}
