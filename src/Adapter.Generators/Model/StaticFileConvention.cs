namespace NextRouteHandlers.Generators.Model;

/// <summary>
/// A static metadata file of the App Router (<c>robots.txt</c>, <c>icon.png</c>, ...), as Next.js 16 (Turbopack)
/// recognises it: the name before the first dot, with an optional number for the images (<c>icon1.png</c>), and one
/// of the convention's extensions after it. Names are compared as written (case-sensitive), as Next.js compares them.
/// </summary>
/// <param name="Name">The base name: <c>robots</c>, <c>icon</c>, <c>opengraph-image</c>, ...</param>
/// <param name="RootOnly">True for <c>favicon</c>, <c>robots</c> and <c>manifest</c>, which are metadata only directly in <c>app/</c>.</param>
/// <param name="Numbered">True for the images, which may carry a number after the name.</param>
/// <param name="Extensions">The extensions Next.js serves for the name.</param>
internal sealed record StaticFileConvention(string Name, bool RootOnly, bool Numbered, string[] Extensions)
{
    public static readonly StaticFileConvention[] All =
    [
        new("favicon", true, false, ["ico"]),
        new("robots", true, false, ["txt"]),
        new("manifest", true, false, ["webmanifest", "json"]),
        new("sitemap", false, false, ["xml"]),
        new("icon", false, true, ["ico", "jpg", "jpeg", "png", "svg"]),
        new("apple-icon", false, true, ["jpg", "jpeg", "png"]),
        new("opengraph-image", false, true, ["jpg", "jpeg", "png", "gif"]),
        new("twitter-image", false, true, ["jpg", "jpeg", "png", "gif"]),
    ];

    /// <summary>
    /// The convention <paramref name="fileName"/> follows, or null for a file Next.js does not serve: another name,
    /// another extension, another case (<c>Icon.png</c>, <c>icon.PNG</c>), a number beyond 32 bits, or a second dot
    /// (<c>opengraph-image.alt.txt</c>, which Next.js reads only for the pages' <c>og:image:alt</c>).
    /// </summary>
    public static StaticFileConvention? ForFile(string fileName)
    {
        var dot = fileName.IndexOf('.');
        if (dot <= 0) return null;
        var stem = fileName.Substring(0, dot);
        var extension = fileName.Substring(dot + 1);
        foreach (var convention in All)
        {
            if (!convention.Names(stem) || Array.IndexOf(convention.Extensions, extension) < 0) continue;
            return convention;
        }

        return null;
    }

    /// <summary>
    /// The <c>Content-Type</c> Next.js sends for a file of this convention: by name for the text files and the
    /// favicon, by extension for the images. A <c>.gif</c> gets <c>image/gif</c>, where Next.js 16.4 sends
    /// <c>text/plain</c> (docs/deviations.md).
    /// </summary>
    public string ContentType(string fileName) => Name switch
    {
        "favicon" => "image/x-icon",
        "sitemap" => "application/xml",
        "robots" => "text/plain",
        "manifest" => "application/manifest+json",
        _ => fileName.Substring(fileName.IndexOf('.') + 1) switch
        {
            "png" => "image/png",
            "jpg" or "jpeg" => "image/jpeg",
            "ico" => "image/x-icon",
            "svg" => "image/svg+xml",
            _ => "image/gif",
        },
    };

    // Turbopack's scan takes any number that fits in 32 bits (icon12.png); next@16.4.6 served such a file.
    private bool Names(string stem)
    {
        if (stem == Name) return true;
        if (!Numbered || stem.Length <= Name.Length || !stem.StartsWith(Name, StringComparison.Ordinal)) return false;
        var number = stem.Substring(Name.Length);
        return number.All(c => c is >= '0' and <= '9') && uint.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
    }
}
