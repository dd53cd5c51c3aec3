using Microsoft.CodeAnalysis;

namespace NextRouteHandlers.Generators.Model;

/// <summary>A diagnostic to report, kept as plain values so models stay cacheable.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        new(descriptor.Id, location, EquatableArray.From(arguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location.ToLocation(), Arguments.Cast<object>().ToArray());
}
