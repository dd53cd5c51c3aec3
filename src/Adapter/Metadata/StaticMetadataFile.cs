using System.Reflection;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Metadata;

/// <summary>
/// A static metadata file of the app folder (<c>robots.txt</c>, <c>favicon.ico</c>, <c>icon.png</c>,
/// <c>opengraph-image.jpg</c>, ...), which the build embeds in the app's assembly as a manifest resource; served as
/// Next.js serves it: the file's bytes as they are, its content type and <see cref="MetadataResponses.CacheControl"/>.
/// The bytes are read once, the first time the file is served. Created by generated code.
/// </summary>
public sealed class StaticMetadataFile
{
    private readonly Assembly _assembly;
    private byte[]? _content;

    /// <summary>Describes an embedded file.</summary>
    /// <param name="assembly">The app's assembly, which holds the file.</param>
    /// <param name="resourceName">The manifest resource name (<c>NextRouteHandlers/app/icon.png</c>).</param>
    /// <param name="contentType">The content type Next.js sends for the file.</param>
    public StaticMetadataFile(Assembly assembly, string resourceName, string contentType)
    {
        _assembly = assembly ?? throw new ArgumentNullException(nameof(assembly));
        ResourceName = resourceName ?? throw new ArgumentNullException(nameof(resourceName));
        ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType));
    }

    /// <summary>The manifest resource name.</summary>
    public string ResourceName { get; }

    /// <summary>The content type of the response.</summary>
    public string ContentType { get; }

    /// <summary>A new response with the file's bytes, its content type and Next.js's <c>Cache-Control</c>.</summary>
    /// <exception cref="InvalidOperationException">The assembly holds no such resource: the build did not embed the file.</exception>
    public Response Respond() => MetadataResponses.Binary(Bytes(), ContentType);

    private byte[] Bytes()
    {
        if (Volatile.Read(ref _content) is { } content) return content;
        using var stream = _assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly '{_assembly.GetName().Name}' holds no resource '{ResourceName}': the app folder's metadata files are embedded by NextRouteHandlers.targets, which this build did not import.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        Interlocked.CompareExchange(ref _content, bytes, null);
        return _content!;
    }
}
