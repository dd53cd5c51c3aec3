namespace NextE2eApp.Fixture;

/// <summary>
/// Port of the fixture's handlers/hello.ts, the handler most routes export for every method: <c>hello, world</c>, with
/// the method, the params and the pathname as request meta.
/// </summary>
public static class Hello
{
    /// <summary>
    /// Answers one request. Next.js gives a handler no params at all on a route without dynamic segments (the meta
    /// says <c>null</c>); here every handler gets <see cref="RouteParams"/>, so a static route is what stands for "none".
    /// </summary>
    public static Response Handle(NextRequest request, RouteContext context) =>
        new("hello, world", new ResponseInit
        {
            Headers = RequestMeta.Header(new
            {
                method = request.Method,
                @params = context.Route.IsStatic ? null : context.Params,
                pathname = request.NextUrl.Pathname,
            }),
        });
}
