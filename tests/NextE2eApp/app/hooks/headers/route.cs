using NextE2eApp.Fixture;

namespace NextE2eApp.App.Hooks;

/// <summary>Port of app/hooks/headers/route.ts: the request meta read through headers(), sent back as meta on an empty 200.</summary>
public static class HeadersRoute
{
    public static Response GET() =>
        new(new ResponseInit { Status = 200, Headers = RequestMeta.Header(RequestMeta.From(Next.Headers())) });
}
