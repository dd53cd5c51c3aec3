namespace ConformanceApp.App;

/// <summary>Port of app/feed.xml/route.ts: a force-static RSS feed.</summary>
public static class FeedRoute
{
    public const string Dynamic = "force-static";

    public static Response GET() => new(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Conformance Feed</title>
            <link>https://example.com</link>
            <description>Route handler RSS</description>
            <item><title>First</title><link>https://example.com/1</link><guid>1</guid></item>
          </channel>
        </rss>
        """,
        new ResponseInit { Headers = { { "Content-Type", "application/rss+xml; charset=utf-8" } } });
}
