namespace NextRouteHandlers.Http;

/// <summary>One entry of a form body: a text field or a file.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Value">The text, for a field; null for a file.</param>
/// <param name="File">The file, for a file field; null for text.</param>
public sealed record FormDataEntry(string Name, string? Value, FormFile? File)
{
    /// <summary>True for a file field.</summary>
    public bool IsFile => File is not null;
}
