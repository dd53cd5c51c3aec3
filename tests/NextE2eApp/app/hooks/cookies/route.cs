using NextE2eApp.Fixture;

namespace NextE2eApp.App.Hooks;

/// <summary>Port of app/hooks/cookies/route.ts: the request meta read from its cookie through cookies(), sent back as meta on an empty 200.</summary>
public static class CookiesRoute
{
    public static Response GET() =>
        new(new ResponseInit { Status = 200, Headers = RequestMeta.Header(RequestMeta.FromCookie(Next.Cookies().Get(RequestMeta.Key)?.Value)) });
}
