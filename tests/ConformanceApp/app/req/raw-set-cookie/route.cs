namespace ConformanceApp.App.Req;

/// <summary>Port of app/req/raw-set-cookie/route.ts: two appended Set-Cookie values go out as two lines.</summary>
public static class RawSetCookieRoute
{
    public static Response GET()
    {
        var headers = new Headers();
        headers.Append("Set-Cookie", "raw1=one; Path=/; HttpOnly");
        headers.Append("Set-Cookie", "raw2=two; Path=/; Max-Age=60");
        headers.Set("Content-Type", "text/plain");
        return new Response("raw cookies", new ResponseInit { Status = 200, Headers = headers });
    }
}
