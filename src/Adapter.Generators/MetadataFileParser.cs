using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators;

/// <summary>
/// Reads a metadata file (<c>robots.cs</c>, <c>sitemap.cs</c>, <c>manifest.cs</c>, image files) into a route model
/// whose GET handler calls the file's method (<c>Robots()</c>, <c>Sitemap()</c>, <c>Manifest()</c>, <c>Image()</c>)
/// and turns the result into Next.js's response format.
/// </summary>
internal static class MetadataFileParser
{
    public static RouteFileModel Parse(CompilationUnitSyntax unit, List<INamedTypeSymbol> classes, MetadataConvention convention, Compilation compilation, string filePath, string display, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var owner = classes.FirstOrDefault(c => c.GetMembers(convention.MethodName).OfType<IMethodSymbol>().Any()) ?? classes[0];
        var location = LocationInfo.From(owner.Locations.FirstOrDefault(l => l.SourceTree == unit.SyntaxTree) ?? owner.Locations[0]);
        var methods = owner.GetMembers(convention.MethodName).OfType<IMethodSymbol>().ToArray();
        HandlerModel? handler = null;
        if (methods.Length != 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMetadataFile, location, display, Expected(convention)));
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            handler = Bind(methods[0], convention, owner, compilation, display, diagnostics);
        }

        var config = RouteFileParser.ReadConfig(owner, compilation, display, diagnostics);
        // A metadata file whose method cannot be bound is left out of the manifest (its RH0015 fails the build).
        var className = handler is null ? null : owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var handlers = handler is null ? EquatableArray<HandlerModel>.Empty : EquatableArray.From([handler]);
        return new RouteFileModel(filePath, className, location, handlers, config, EquatableArray.From(diagnostics), convention.UrlSegment);
    }

    private static HandlerModel? Bind(IMethodSymbol method, MetadataConvention convention, INamedTypeSymbol owner, Compilation compilation, string display, List<DiagnosticInfo> diagnostics)
    {
        var location = LocationInfo.From(method.Locations[0]);
        void Fail(string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMetadataFile, location, display, reason + "; " + Expected(convention)));

        if (!method.IsStatic || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) || method.IsGenericMethod)
        {
            Fail($"'{method.Name}' must be a public or internal static, non-generic method");
            return null;
        }

        var returnType = method.ReturnType;
        var awaited = false;
        if (returnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task
            && (RouteFileParser.Is(task.ConstructedFrom, compilation, "System.Threading.Tasks.Task`1") || RouteFileParser.Is(task.ConstructedFrom, compilation, "System.Threading.Tasks.ValueTask`1")))
        {
            returnType = task.TypeArguments[0];
            awaited = true;
        }

        if (!Returns(returnType, convention, compilation))
        {
            Fail($"'{method.Name}' returns {method.ReturnType.ToDisplayString()}");
            return null;
        }

        var arguments = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            var argument = RouteFileParser.BindParameter(parameter, compilation, out var reason);
            if (argument is null)
            {
                Fail($"parameter '{parameter.Name}' {reason}");
                return null;
            }

            arguments.Add(argument);
        }

        var wrapper = convention.IsImage ? convention.Wrapper.Replace("{1}", CSharpLiteral.String(ContentType(owner) ?? "image/png")) : convention.Wrapper;
        return new HandlerModel("GET", method.Name, awaited ? ReturnShape.AwaitDerived : ReturnShape.Sync, EquatableArray.From(arguments), wrapper);
    }

    private static bool Returns(ITypeSymbol type, MetadataConvention convention, Compilation compilation)
    {
        if (convention.ResultType == "System.Byte[]") return type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte, Rank: 1 };
        var expected = compilation.GetTypeByMetadataName(convention.ResultType);
        if (expected is null) return false;
        if (!convention.Sequence) return SymbolEqualityComparer.Default.Equals(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), expected);
        var enumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
        return enumerable is not null && (type is IArrayTypeSymbol array ? SymbolEqualityComparer.Default.Equals(array.ElementType, expected)
            : new[] { type }.Concat(type.AllInterfaces).OfType<INamedTypeSymbol>().Any(i => SymbolEqualityComparer.Default.Equals(i.ConstructedFrom, enumerable) && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], expected)));
    }

    private static string? ContentType(INamedTypeSymbol owner) =>
        owner.GetMembers("ContentType").OfType<IFieldSymbol>().FirstOrDefault(f => f.IsConst && f.ConstantValue is string)?.ConstantValue as string;

    private static string Expected(MetadataConvention convention)
    {
        var result = convention.ResultType switch
        {
            "System.Byte[]" => "byte[]",
            _ when convention.Sequence => $"IEnumerable<{convention.ResultType.Substring(convention.ResultType.LastIndexOf('.') + 1)}>",
            _ => convention.ResultType.Substring(convention.ResultType.LastIndexOf('.') + 1),
        };
        return $"{convention.FileName} declares 'public static {result} {convention.MethodName}()' (or a Task of it)"
            + (convention.IsImage ? " and may declare 'public const string ContentType'" : string.Empty);
    }
}
