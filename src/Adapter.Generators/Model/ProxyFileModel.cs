namespace NextRouteHandlers.Generators.Model;

/// <summary>What a <c>proxy.cs</c> file declares, as plain values.</summary>
/// <param name="FilePath">The file's full path, with <c>/</c> separators.</param>
/// <param name="DisplayPath">The file relative to the project, for messages and the manifest.</param>
/// <param name="ClassName">The fully qualified class holding <c>Proxy</c>, or null when the file is not a usable proxy.</param>
/// <param name="Handler">The bound <c>Proxy</c> method, or null.</param>
/// <param name="Matchers">The C# expression of the matchers (an <c>IReadOnlyList&lt;ProxyMatcher&gt;</c>), or null to run for every request.</param>
/// <param name="Diagnostics">Problems found in the file.</param>
internal sealed record ProxyFileModel(
    string FilePath,
    string DisplayPath,
    string? ClassName,
    HandlerModel? Handler,
    string? Matchers,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>True when the proxy can be emitted.</summary>
    public bool IsValid => ClassName is not null && Handler is not null && Diagnostics.Length == 0;
}
