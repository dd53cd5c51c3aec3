using NextE2eApp.Fixture;

namespace NextE2eApp.App.Hooks.Cookies;

/// <summary>Port of app/hooks/cookies/req/route.ts: as /hooks/cookies, through request.cookies.</summary>
public static class RequestCookiesRoute
{
    public static Response GET(NextRequest request) =>
        new(new ResponseInit { Status = 200, Headers = RequestMeta.Header(RequestMeta.FromCookie(request.Cookies.Get(RequestMeta.Key)?.Value)) });
}
