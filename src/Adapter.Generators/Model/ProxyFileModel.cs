namespace NextRouteHandlers.Generators.Model;

/// <summary>How the proxy's <c>Matcher</c> field is declared, which decides how the manifest reads it.</summary>
internal enum MatcherForm
{
    /// <summary><c>const string</c>: one pattern.</summary>
    Single,

    /// <summary><c>static readonly string[]</c>.</summary>
    Strings,

    /// <summary><c>static readonly ProxyMatcher[]</c>.</summary>
    Matchers,
}

/// <summary>What a <c>proxy.cs</c> file declares, as plain values.</summary>
/// <param name="FilePath">The file's full path, with <c>/</c> separators.</param>
/// <param name="FileLocation">The start of the file, for problems of the file as a whole.</param>
/// <param name="ClassName">The fully qualified class holding <c>Proxy</c>, or null when the file is not a usable proxy.</param>
/// <param name="Handler">The bound <c>Proxy</c> method, or null.</param>
/// <param name="Matcher">How its checked <c>Matcher</c> is declared, or null to run for every request.</param>
/// <param name="Diagnostics">Problems found in the file.</param>
internal sealed record ProxyFileModel(
    string FilePath,
    LocationInfo FileLocation,
    string? ClassName,
    HandlerModel? Handler,
    MatcherForm? Matcher,
    EquatableArray<DiagnosticInfo> Diagnostics) : IFileModel
{
    /// <summary>The field holding the matchers.</summary>
    public const string MatcherField = "Matcher";

    /// <summary>True when the proxy can be emitted.</summary>
    public bool IsValid => ClassName is not null && Handler is not null && Diagnostics.Length == 0;

    /// <summary>A proxy file that is not run, with the one problem that says why.</summary>
    public static ProxyFileModel Invalid(string filePath, LocationInfo fileLocation, DiagnosticInfo diagnostic) =>
        new(filePath, fileLocation, null, null, null, EquatableArray.From([diagnostic]));
}
