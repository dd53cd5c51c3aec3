using System.Text;

namespace NextRouteHandlers.Http;

/// <summary>A file of a <c>multipart/form-data</c> body (the <c>File</c> of <c>formData()</c> in Next.js).</summary>
public sealed class FormFile
{
    private readonly byte[] _content;

    /// <summary>Creates a file.</summary>
    /// <param name="name">The file name the client sent.</param>
    /// <param name="type">The content type the client sent, or empty.</param>
    /// <param name="content">The bytes.</param>
    public FormFile(string name, string type, byte[] content)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? string.Empty;
        _content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>The file name the client sent.</summary>
    public string Name { get; }

    /// <summary>The content type the client sent, or empty.</summary>
    public string Type { get; }

    /// <summary>The size in bytes.</summary>
    public long Size => _content.Length;

    /// <summary>The content as UTF-8 text (<c>file.text()</c>).</summary>
    public string Text() => Encoding.UTF8.GetString(_content);

    /// <summary>The content (<c>file.arrayBuffer()</c>).</summary>
    public ReadOnlyMemory<byte> Bytes() => _content;

    /// <summary>A stream over the content.</summary>
    public Stream OpenReadStream() => new MemoryStream(_content, writable: false);
}
