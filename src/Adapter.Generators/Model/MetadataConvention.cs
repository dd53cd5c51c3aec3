namespace NextRouteHandlers.Generators.Model;

/// <summary>
/// A metadata file convention of the App Router (<c>robots.ts</c> → <c>robots.cs</c>, ...): which file, where it may
/// live, the URL it serves, the method its class declares, what that method returns, and which
/// <c>MetadataResponses</c> method turns the result into a response.
/// </summary>
/// <param name="FileName">The file name, such as <c>robots.cs</c>.</param>
/// <param name="RootOnly">True when the file is a metadata route only directly in <c>app/</c>.</param>
/// <param name="UrlSegment">The last URL segment it serves, such as <c>robots.txt</c>.</param>
/// <param name="MethodName">The static method that produces the content, such as <c>Robots</c>.</param>
/// <param name="ResultType">The metadata name of what the method returns (an element type when <paramref name="Sequence"/>).</param>
/// <param name="Sequence">True when the method returns a sequence of <paramref name="ResultType"/>.</param>
/// <param name="Responder">The <c>MetadataResponses</c> method that turns the result into a response.</param>
internal sealed record MetadataConvention(string FileName, bool RootOnly, string UrlSegment, string MethodName, string ResultType, bool Sequence, string Responder)
{
    /// <summary>The content type of an image file without a <c>ContentType</c> constant.</summary>
    public const string DefaultImageContentType = "image/png";

    public static readonly MetadataConvention[] All =
    [
        new("robots.cs", true, "robots.txt", "Robots", "NextRouteHandlers.Metadata.Robots", false, "Robots"),
        new("sitemap.cs", false, "sitemap.xml", "Sitemap", "NextRouteHandlers.Metadata.SitemapEntry", true, "Sitemap"),
        new("manifest.cs", true, "manifest.webmanifest", "Manifest", "NextRouteHandlers.Metadata.WebManifest", false, "Manifest"),
        new("icon.cs", false, "icon", "Image", "System.Byte[]", false, "Image"),
        new("apple-icon.cs", false, "apple-icon", "Image", "System.Byte[]", false, "Image"),
        new("opengraph-image.cs", false, "opengraph-image", "Image", "System.Byte[]", false, "Image"),
        new("twitter-image.cs", false, "twitter-image", "Image", "System.Byte[]", false, "Image"),
    ];

    /// <summary>True for the image conventions, whose class may declare a <c>ContentType</c> constant.</summary>
    public bool IsImage => MethodName == "Image";

    /// <summary>The convention a file name follows, or null for an ordinary file.</summary>
    public static MetadataConvention? ForFile(string fileName) => Array.Find(All, c => c.FileName == fileName);
}
