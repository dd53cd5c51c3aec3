namespace NextRouteHandlers.Generators.Model;

/// <summary>
/// A metadata file convention of the App Router (<c>robots.ts</c> → <c>robots.cs</c>, ...): which file, where it may
/// live, the URL it serves, the method its class declares, what that method returns, and how the result becomes a
/// response.
/// </summary>
/// <param name="FileName">The file name, such as <c>robots.cs</c>.</param>
/// <param name="RootOnly">True when the file is a metadata route only directly in <c>app/</c>.</param>
/// <param name="UrlSegment">The last URL segment it serves, such as <c>robots.txt</c>.</param>
/// <param name="MethodName">The static method that produces the content, such as <c>Robots</c>.</param>
/// <param name="ResultType">The metadata name of what the method returns (an element type when <paramref name="Sequence"/>).</param>
/// <param name="Sequence">True when the method returns a sequence of <paramref name="ResultType"/>.</param>
/// <param name="Wrapper">The <c>MetadataResponses</c> call that turns the result into a response; <c>{0}</c> is the result.</param>
internal sealed record MetadataConvention(string FileName, bool RootOnly, string UrlSegment, string MethodName, string ResultType, bool Sequence, string Wrapper)
{
    private const string Responses = "global::NextRouteHandlers.Metadata.MetadataResponses.";

    public static readonly MetadataConvention[] All =
    [
        new("robots.cs", true, "robots.txt", "Robots", "NextRouteHandlers.Metadata.Robots", false, Responses + "Robots({0})"),
        new("sitemap.cs", false, "sitemap.xml", "Sitemap", "NextRouteHandlers.Metadata.SitemapEntry", true, Responses + "Sitemap({0})"),
        new("manifest.cs", true, "manifest.webmanifest", "Manifest", "NextRouteHandlers.Metadata.WebManifest", false, Responses + "Manifest({0})"),
        new("icon.cs", false, "icon", "Image", "System.Byte[]", false, Responses + "Image({0}, {1})"),
        new("apple-icon.cs", false, "apple-icon", "Image", "System.Byte[]", false, Responses + "Image({0}, {1})"),
        new("opengraph-image.cs", false, "opengraph-image", "Image", "System.Byte[]", false, Responses + "Image({0}, {1})"),
        new("twitter-image.cs", false, "twitter-image", "Image", "System.Byte[]", false, Responses + "Image({0}, {1})"),
    ];

    /// <summary>True for the image conventions, whose class may declare a <c>ContentType</c> constant.</summary>
    public bool IsImage => MethodName == "Image";

    /// <summary>The convention a file name follows, or null for an ordinary file.</summary>
    public static MetadataConvention? ForFile(string fileName) => Array.Find(All, c => c.FileName == fileName);
}
