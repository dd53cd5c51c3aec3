using Microsoft.CodeAnalysis;

namespace NextRouteHandlers.Generators.Model;

/// <summary>A diagnostic to report, kept as plain values so models stay cacheable.</summary>
/// <param name="Id">The descriptor's id (<c>RH0011</c>).</param>
/// <param name="Location">Where it is reported.</param>
/// <param name="Arguments">The message arguments.</param>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments)
{
    /// <summary>
    /// Stands for the file's name (relative to the project) in the arguments of a file's own diagnostics. A syntax
    /// transform cannot see the analyzer options that say where the project is, so the per-file models name the
    /// file this way and the stage that places the file in the app (<see cref="AppFiles"/>) puts its name in.
    /// </summary>
    public const string ThisFile = "\u0000this file\u0000";

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        new(descriptor.Id, location, EquatableArray.From(arguments));

    /// <summary>This diagnostic with <see cref="ThisFile"/> replaced by <paramref name="displayPath"/>.</summary>
    public DiagnosticInfo Naming(string displayPath) =>
        Arguments.Any(a => a == ThisFile) ? this with { Arguments = EquatableArray.From(Arguments.Select(a => a == ThisFile ? displayPath : a)) } : this;

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location.ToLocation(), Arguments.Cast<object>().ToArray());
}
