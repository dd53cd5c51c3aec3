using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators;

/// <summary>
/// Reads a metadata file (<c>robots.cs</c>, <c>sitemap.cs</c>, <c>manifest.cs</c>, image files) into a route model
/// whose GET handler calls the file's method (<c>Robots()</c>, <c>Sitemap()</c>, <c>Manifest()</c>, <c>Image()</c>)
/// and whose <see cref="MetadataRouteModel"/> says how the result becomes Next.js's response. Like
/// <see cref="RouteFileParser"/>, it returns values only and names the file as <see cref="Model.DiagnosticInfo.ThisFile"/>.
/// </summary>
internal static class MetadataFileParser
{
    private const string ThisFile = DiagnosticInfo.ThisFile;

    public static RouteFileModel Parse(CompilationUnitSyntax unit, SemanticModel model, MetadataConvention convention, CancellationToken cancellationToken)
    {
        var filePath = PathText.Normalize(unit.SyntaxTree.FilePath);
        var classes = RouteFileParser.DeclaredClasses(unit, model, cancellationToken);
        if (classes.Count == 0) return RouteFileParser.WithoutClass(unit, filePath);

        var compilation = model.Compilation;
        var diagnostics = new List<DiagnosticInfo>();
        var owner = classes.FirstOrDefault(c => c.GetMembers(convention.MethodName).OfType<IMethodSymbol>().Any()) ?? classes[0];
        var location = RouteFileParser.ClassLocation(owner, unit);
        var methods = owner.GetMembers(convention.MethodName).OfType<IMethodSymbol>().ToArray();
        HandlerModel? handler = null;
        if (methods.Length != 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMetadataFile, location, ThisFile, Expected(convention)));
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            handler = Bind(methods[0], convention, compilation, diagnostics);
        }

        var config = RouteFileParser.ReadConfig(owner, compilation, diagnostics);
        var contentType = convention.IsImage ? ContentType(owner) ?? MetadataConvention.DefaultImageContentType : null;
        var metadata = new MetadataRouteModel(convention.UrlSegment, convention.Responder, contentType);

        // A metadata file whose method cannot be bound is left out of the manifest (its RH0015 fails the build).
        var className = handler is null ? null : RouteFileParser.FullName(owner);
        var handlers = handler is null ? EquatableArray<HandlerModel>.Empty : EquatableArray.From([handler]);
        return new RouteFileModel(filePath, className, location, handlers, config, EquatableArray.From(diagnostics), metadata);
    }

    private static HandlerModel? Bind(IMethodSymbol method, MetadataConvention convention, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        var location = LocationInfo.From(method.Locations[0]);
        void Fail(string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMetadataFile, location, ThisFile, reason + "; " + Expected(convention)));

        if (!method.IsStatic || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) || method.IsGenericMethod)
        {
            Fail($"'{method.Name}' must be a public or internal static, non-generic method");
            return null;
        }

        var awaitedType = RouteFileParser.AwaitedType(method.ReturnType, compilation);
        if (!Returns(awaitedType ?? method.ReturnType, convention, compilation))
        {
            Fail($"'{method.Name}' returns {method.ReturnType.ToDisplayString()}");
            return null;
        }

        var arguments = new List<ArgumentModel>();
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

        return new HandlerModel("GET", method.Name, awaitedType is null ? ReturnShape.Sync : ReturnShape.Awaited, EquatableArray.From(arguments));
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
