namespace NextRouteHandlers.Metadata;

/// <summary>One URL of what <c>sitemap.cs</c> returns (an item of <c>MetadataRoute.Sitemap</c>).</summary>
/// <param name="Url">The page URL (<c>&lt;loc&gt;</c>).</param>
public sealed record SitemapEntry(string Url)
{
    /// <summary>When the page last changed (<c>&lt;lastmod&gt;</c>, written as ISO 8601 UTC with milliseconds), or null.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary><c>always</c>, <c>hourly</c>, <c>daily</c>, <c>weekly</c>, <c>monthly</c>, <c>yearly</c> or <c>never</c>, or null.</summary>
    public string? ChangeFrequency { get; init; }

    /// <summary>0 to 1, or null.</summary>
    public double? Priority { get; init; }

    /// <summary>The page in other languages: language code to URL (<c>xhtml:link</c> alternates).</summary>
    public IReadOnlyDictionary<string, string>? Languages { get; init; }

    /// <summary>Image URLs of the page (<c>image:image</c>).</summary>
    public IReadOnlyList<string>? Images { get; init; }
}
