using NextRouteHandlers.Routing;

namespace NextRouteHandlers.Generators;

/// <summary>
/// The suffix Next.js gives a metadata file's URL when a route group (or slot) lies on its path, so that
/// <c>app/(shop)/icon.png</c> and <c>app/(blog)/icon.png</c> do not collide: <c>/icon-&lt;suffix&gt;.png</c>. The
/// suffix is the djb2 hash of the folder path (<c>/(shop)</c>, groups and all), in base 36, cut to six characters.
/// A sitemap never gets one: it lists the URLs below it, so a group's sitemap is the folder's sitemap.
/// </summary>
internal static class MetadataUrlSuffix
{
    /// <summary>The URL segment <paramref name="segment"/> (<c>icon.png</c>, <c>opengraph-image</c>) of a metadata file in <paramref name="folders"/>.</summary>
    /// <param name="segment">The segment without a suffix.</param>
    /// <param name="folders">The folders between the app folder and the file.</param>
    public static string Apply(string segment, IEnumerable<string> folders)
    {
        var path = folders.ToList();
        if (segment.StartsWith("sitemap", StringComparison.Ordinal) || !path.Any(IsGroupOrSlot)) return segment;
        var suffix = "-" + Of("/" + string.Join("/", path));
        var dot = segment.LastIndexOf('.');
        return dot < 0 ? segment + suffix : segment.Substring(0, dot) + suffix + segment.Substring(dot);
    }

    /// <summary>The suffix of a folder path, as Next.js computes it (without the dash).</summary>
    /// <param name="folderPath">The path from the app folder, starting with <c>/</c>: <c>/blog/(shop)</c>.</param>
    public static string Of(string folderPath)
    {
        uint hash = 5381;
        foreach (var c in folderPath) hash = unchecked((hash << 5) + hash + c);
        var digits = Base36(hash);
        return digits.Length > 6 ? digits.Substring(0, 6) : digits;
    }

    private static bool IsGroupOrSlot(string folder) =>
        SegmentParser.ParseFolder(folder).Kind == SegmentKind.Group || (folder.StartsWith("@", StringComparison.Ordinal) && folder != "@children");

    private static string Base36(uint value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = new System.Text.StringBuilder();
        do
        {
            text.Insert(0, Digits[(int)(value % 36)]);
            value /= 36;
        }
        while (value != 0);
        return text.ToString();
    }
}
