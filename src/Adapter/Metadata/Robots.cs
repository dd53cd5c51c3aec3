namespace NextRouteHandlers.Metadata;

/// <summary>What <c>app/robots.cs</c> returns (<c>MetadataRoute.Robots</c>): served as <c>/robots.txt</c>.</summary>
public sealed record Robots
{
    /// <summary>The rules, one block each.</summary>
    public IReadOnlyList<RobotsRule> Rules { get; init; } = [];

    /// <summary>Sitemap URLs, one <c>Sitemap:</c> line each.</summary>
    public IReadOnlyList<string> Sitemap { get; init; } = [];

    /// <summary>The preferred host (<c>Host:</c>), or null.</summary>
    public string? Host { get; init; }
}

/// <summary>One block of <c>robots.txt</c>.</summary>
public sealed record RobotsRule
{
    /// <summary>The user agents the block applies to; <c>*</c> when empty.</summary>
    public IReadOnlyList<string> UserAgent { get; init; } = [];

    /// <summary>Allowed paths.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>Disallowed paths.</summary>
    public IReadOnlyList<string> Disallow { get; init; } = [];

    /// <summary>Seconds between requests (<c>Crawl-delay:</c>), or null.</summary>
    public int? CrawlDelay { get; init; }
}
