namespace FunctionApp.App;

/// <summary><c>/rss.xml</c>: a non-UI response. <c>force-static</c>: the handler sees no headers, cookies or query.</summary>
public static class RssRoute
{
    public const string Dynamic = "force-static";

    public static Response GET() => new(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Route handlers for .NET</title>
            <link>https://example.com</link>
            <description>News from the sample app</description>
          </channel>
        </rss>
        """,
        new ResponseInit { Headers = { { "Content-Type", "application/rss+xml; charset=utf-8" } } });
}
