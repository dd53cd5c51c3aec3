using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators;

/// <summary>
/// Reads one <c>route.cs</c> file into a <see cref="RouteFileModel"/>: the class holding the handlers, each
/// handler's binding (where each parameter's value comes from, how the result is awaited) and the segment config
/// constants, with a diagnostic for everything Next.js would reject. It binds with the semantic model and returns
/// values only; it does not know where the app folder is (the pipeline places the file afterwards), so its
/// diagnostics name the file as <see cref="Model.DiagnosticInfo.ThisFile"/>.
/// </summary>
internal static class RouteFileParser
{
    public const string FileName = "route.cs";

    private const string ThisFile = DiagnosticInfo.ThisFile;

    private static readonly IReadOnlyList<string> HandlerNames = NextRouteHandlers.Routing.HttpMethodNames.Supported;

    private static readonly string[] ConfigNames = ["Dynamic", "Revalidate", "DynamicParams", "MaxDuration", "FetchCache", "Runtime", "PreferredRegion", "GenerateStaticParams"];

    private static readonly string[] DynamicValues = ["auto", "force-dynamic", "error", "force-static"];

    private static readonly string[] FetchCacheValues = ["auto", "default-cache", "only-cache", "force-cache", "default-no-store", "only-no-store", "force-no-store"];

    private static readonly string[] RuntimeValues = ["nodejs", "edge"];

    public static RouteFileModel Parse(CompilationUnitSyntax unit, SemanticModel model, CancellationToken cancellationToken)
    {
        var filePath = PathText.Normalize(unit.SyntaxTree.FilePath);
        var classes = DeclaredClasses(unit, model, cancellationToken);
        if (classes.Count == 0) return WithoutClass(unit, filePath);

        var diagnostics = new List<DiagnosticInfo>();
        var withMembers = classes.Where(DeclaresRouteMembers).ToList();
        if (withMembers.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SeveralRouteClasses, LocationInfo.From(withMembers[1].Locations[0]), ThisFile, string.Join(", ", withMembers.Select(c => c.Name))));
        }

        var routeClass = withMembers.Count > 0 ? withMembers[0] : classes[0];
        var handlers = new List<HandlerModel>();
        foreach (var method in routeClass.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HandlerNames.Contains(method.Name))
            {
                if (handlers.Any(h => h.HttpMethod == method.Name))
                {
                    // A second Get = ... in the generated table would not compile; one method per HTTP method, as in Next.js.
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidHandler, LocationInfo.From(method.Locations[0]), method.Name, ThisFile, "it is overloaded; declare one " + method.Name + " method"));
                    continue;
                }

                var handler = BindHandler(method, model.Compilation, diagnostics);
                if (handler is not null) handlers.Add(handler);
            }
            else
            {
                WarnIfLooksLikeHandler(method, model.Compilation, diagnostics);
            }
        }

        var config = ReadConfig(routeClass, model.Compilation, diagnostics);
        return new RouteFileModel(filePath, FullName(routeClass), ClassLocation(routeClass, unit), EquatableArray.From(handlers), config, EquatableArray.From(diagnostics));
    }

    /// <summary>The classes a file declares at its top level or in its namespaces, in source order.</summary>
    internal static List<INamedTypeSymbol> DeclaredClasses(CompilationUnitSyntax unit, SemanticModel model, CancellationToken cancellationToken) =>
        unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<ClassDeclarationSyntax>()
            .Select(c => model.GetDeclaredSymbol(c, cancellationToken))
            .OfType<INamedTypeSymbol>()
            .ToList();

    /// <summary>The model of a route or metadata file that declares no class (RH0013).</summary>
    internal static RouteFileModel WithoutClass(CompilationUnitSyntax unit, string filePath)
    {
        var fileLocation = LocationInfo.AtFile(unit.SyntaxTree.FilePath);
        var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.NoRouteClass, fileLocation, ThisFile);
        return new RouteFileModel(filePath, null, fileLocation, EquatableArray<HandlerModel>.Empty, ConfigModel.Empty, EquatableArray.From([diagnostic]));
    }

    /// <summary>Where a route's conflicts are reported: the class's name in this file (a partial class has several).</summary>
    internal static LocationInfo ClassLocation(INamedTypeSymbol type, CompilationUnitSyntax unit) =>
        LocationInfo.From(type.Locations.FirstOrDefault(l => l.SourceTree == unit.SyntaxTree) ?? type.Locations[0]);

    /// <summary>The name the generated code calls a type by (<c>global::App.ItemRoute</c>).</summary>
    internal static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static bool DeclaresRouteMembers(INamedTypeSymbol type) =>
        type.GetMembers().Any(m => HandlerNames.Contains(m.Name) || Array.IndexOf(ConfigNames, m.Name) >= 0);

    private static HandlerModel? BindHandler(IMethodSymbol method, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        var location = LocationInfo.From(method.Locations[0]);
        void Fail(string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidHandler, location, method.Name, ThisFile, reason));

        if (!method.IsStatic)
        {
            Fail("it must be static");
            return null;
        }

        if (method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            Fail("it must be public or internal");
            return null;
        }

        if (method.IsGenericMethod)
        {
            Fail("it may not be generic");
            return null;
        }

        var shape = ClassifyReturn(method.ReturnType, compilation);
        if (shape is null)
        {
            Fail($"it returns {method.ReturnType.ToDisplayString()}; a handler returns Response, Task<Response> or ValueTask<Response> (NextResponse and other subclasses too)");
            return null;
        }

        var arguments = new List<ArgumentModel>();
        foreach (var parameter in method.Parameters)
        {
            var argument = BindParameter(parameter, compilation, out var reason);
            if (argument is null)
            {
                Fail($"parameter '{parameter.Name}' {reason}");
                return null;
            }

            arguments.Add(argument);
        }

        return new HandlerModel(method.Name, method.Name, shape.Value, EquatableArray.From(arguments));
    }

    internal static ArgumentModel? BindParameter(IParameterSymbol parameter, Compilation compilation, out string reason)
    {
        reason = string.Empty;
        if (parameter.RefKind != RefKind.None)
        {
            reason = "may not be ref, in or out";
            return null;
        }

        var type = parameter.Type;
        if (Is(type, compilation, "NextRouteHandlers.Http.NextRequest")) return new ArgumentModel(ArgumentSource.Request);
        if (Is(type, compilation, "NextRouteHandlers.Manifest.RouteContext")) return new ArgumentModel(ArgumentSource.Context);
        if (Is(type, compilation, "NextRouteHandlers.Routing.RouteParams")) return new ArgumentModel(ArgumentSource.RouteParams);
        if (Is(type, compilation, "System.Threading.CancellationToken")) return new ArgumentModel(ArgumentSource.Aborted);
        if (Is(type, compilation, "Microsoft.AspNetCore.Http.HttpContext")) return new ArgumentModel(ArgumentSource.HttpContext);
        if (!IsServiceType(type))
        {
            reason = $"of type {type.ToDisplayString()} cannot be bound: a handler takes NextRequest, RouteContext, RouteParams, CancellationToken, HttpContext, or services registered in dependency injection";
            return null;
        }

        return ServiceArgument(parameter);
    }

    /// <summary>False for the types no one registers as a service: primitives, strings, enums, arrays, pointers, unknown types.</summary>
    internal static bool IsServiceType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.None && type.TypeKind is not (TypeKind.Enum or TypeKind.Pointer or TypeKind.Error or TypeKind.Dynamic) && type is not IArrayTypeSymbol;

    /// <summary>A parameter resolved from the request's services (optional when nullable or defaulted).</summary>
    internal static ArgumentModel ServiceArgument(IParameterSymbol parameter)
    {
        var typeName = FullName(parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        var optional = parameter.NullableAnnotation == NullableAnnotation.Annotated || parameter.HasExplicitDefaultValue;
        return new ArgumentModel(optional ? ArgumentSource.OptionalService : ArgumentSource.RequiredService, typeName);
    }

    /// <summary>How a method returns a <c>Response</c> (directly, or in a <c>Task</c> or <c>ValueTask</c>), or null when it does not.</summary>
    internal static ReturnShape? ClassifyReturn(ITypeSymbol type, Compilation compilation)
    {
        var response = compilation.GetTypeByMetadataName("NextRouteHandlers.Http.Response");
        if (response is null) return null;
        if (DerivesFrom(type, response)) return ReturnShape.Sync;
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic) return null;
        var inner = generic.TypeArguments[0];
        if (!DerivesFrom(inner, response)) return null;
        var definition = generic.ConstructedFrom;
        var exact = SymbolEqualityComparer.Default.Equals(inner.WithNullableAnnotation(NullableAnnotation.NotAnnotated), response);
        if (Is(definition, compilation, "System.Threading.Tasks.Task`1")) return exact ? ReturnShape.TaskOfResponse : ReturnShape.Awaited;
        if (Is(definition, compilation, "System.Threading.Tasks.ValueTask`1")) return exact ? ReturnShape.ValueTaskOfResponse : ReturnShape.Awaited;
        return null;
    }

    /// <summary>The result type inside a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>, or null for any other type.</summary>
    internal static ITypeSymbol? AwaitedType(ITypeSymbol type, Compilation compilation) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task
        && (Is(task.ConstructedFrom, compilation, "System.Threading.Tasks.Task`1") || Is(task.ConstructedFrom, compilation, "System.Threading.Tasks.ValueTask`1"))
            ? task.TypeArguments[0]
            : null;

    private static void WarnIfLooksLikeHandler(IMethodSymbol method, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        if (!method.IsStatic || ClassifyReturn(method.ReturnType, compilation) is null) return;
        string? reason = null;
        var upper = method.Name.ToUpperInvariant();
        if (HandlerNames.Contains(upper))
        {
            reason = $"handler names are upper case; rename it to '{upper}'";
        }
        else if (method.Name.Length > 1 && method.Name == upper && method.Name.All(char.IsLetter))
        {
            reason = "route handlers exist for GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only";
        }

        if (reason is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAHandler, LocationInfo.From(method.Locations[0]), method.Name, ThisFile, reason));
        }
    }

    internal static ConfigModel ReadConfig(INamedTypeSymbol type, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        string? dynamic = null, fetchCache = null, runtime = null, preferredRegion = null;
        RevalidateModel? revalidate = null;
        StaticParamsModel? generateStaticParams = null;
        bool? dynamicParams = null;
        int? maxDuration = null;

        foreach (var member in type.GetMembers())
        {
            var location = LocationInfo.From(member.Locations[0]);
            void Fail(string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidConfigValue, location, member.Name, ThisFile, reason));

            switch (member.Name)
            {
                case "Dynamic":
                    dynamic = OneOf(member, DynamicValues, Fail);
                    break;
                case "Revalidate":
                    revalidate = ReadRevalidate(member, Fail);
                    break;
                case "DynamicParams":
                    dynamicParams = ConstantOf<bool?>(member, Fail, "a bool constant");
                    break;
                case "MaxDuration":
                    if (ConstantOf<int?>(member, Fail, "an int constant (seconds)") is { } seconds)
                    {
                        if (seconds > 0) maxDuration = seconds;
                        else Fail($"{seconds} is not a positive number of seconds");
                    }

                    break;
                case "FetchCache":
                    fetchCache = OneOf(member, FetchCacheValues, Fail);
                    break;
                case "Runtime":
                    runtime = OneOf(member, RuntimeValues, Fail);
                    break;
                case "PreferredRegion":
                    preferredRegion = ConstantOf<string>(member, Fail, "a string constant");
                    break;
                case "GenerateStaticParams":
                    generateStaticParams = BindStaticParams(member, compilation, Fail);
                    break;
            }
        }

        return new ConfigModel(dynamic, revalidate, dynamicParams, maxDuration, fetchCache, runtime, preferredRegion, generateStaticParams);
    }

    private static RevalidateModel? ReadRevalidate(ISymbol member, Action<string> fail)
    {
        if (member is not IFieldSymbol { IsConst: true } field || !field.HasConstantValue)
        {
            fail("it must be a constant: 'public const int Revalidate = 60;' or 'public const bool Revalidate = false;'");
            return null;
        }

        switch (field.ConstantValue)
        {
            case false:
                return RevalidateModel.NeverAgain;
            case true:
                fail("'true' is not a valid value; use false (cache until revalidated) or a number of seconds");
                return null;
            case int seconds when seconds >= 0:
                return RevalidateModel.After(seconds);
            case int seconds:
                fail($"{seconds} is negative; use 0 (dynamic), a positive number of seconds, or false");
                return null;
            default:
                fail("it must be an int (seconds) or the bool false");
                return null;
        }
    }

    private static string? OneOf(ISymbol member, string[] allowed, Action<string> fail)
    {
        var value = ConstantOf<string>(member, fail, "a string constant");
        if (value is null) return null;
        if (Array.IndexOf(allowed, value) >= 0) return value;
        fail($"'{value}' is not one of {Quote(allowed)}");
        return null;
    }

    // For value types pass T as a nullable (bool?, int?): with plain bool or int, a failed read returns false or 0,
    // which would be emitted (or re-checked) as if the user had written it.
    private static T? ConstantOf<T>(ISymbol member, Action<string> fail, string expected)
    {
        if (member is IFieldSymbol { IsConst: true, HasConstantValue: true } field && field.ConstantValue is T value) return value;
        fail($"it must be {expected} ('public const'), so its value is known when the app is built");
        return default;
    }

    private static StaticParamsModel? BindStaticParams(ISymbol member, Compilation compilation, Action<string> fail)
    {
        if (member is not IMethodSymbol { IsStatic: true, IsGenericMethod: false } method || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            fail("it must be a public or internal static method");
            return null;
        }

        var takesToken = method.Parameters.Length == 1 && Is(method.Parameters[0].Type, compilation, "System.Threading.CancellationToken");
        if (method.Parameters.Length > 1 || (method.Parameters.Length == 1 && !takesToken))
        {
            fail("it takes no parameters, or a CancellationToken");
            return null;
        }

        var awaitedType = AwaitedType(method.ReturnType, compilation);
        if (!IsParamsSequence(awaitedType ?? method.ReturnType, compilation))
        {
            fail("it must return IEnumerable<Dictionary<string, string>> (or <string, object> with string[] values for catch-alls), optionally in a Task or ValueTask");
            return null;
        }

        return new StaticParamsModel(method.Name, takesToken, awaitedType is not null);
    }

    private static bool IsParamsSequence(ITypeSymbol type, Compilation compilation)
    {
        var enumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
        var keyValue = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
        if (enumerable is null || keyValue is null) return false;
        var itemType = ElementType(type, enumerable);
        var pairType = itemType is null ? null : ElementType(itemType, enumerable) as INamedTypeSymbol;
        return pairType is not null
            && SymbolEqualityComparer.Default.Equals(pairType.ConstructedFrom, keyValue)
            && pairType.TypeArguments[0].SpecialType == SpecialType.System_String
            && pairType.TypeArguments[1].SpecialType is SpecialType.System_String or SpecialType.System_Object;
    }

    private static ITypeSymbol? ElementType(ITypeSymbol type, INamedTypeSymbol enumerable)
    {
        if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.ConstructedFrom, enumerable)) return named.TypeArguments[0];
        var implemented = type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.ConstructedFrom, enumerable));
        return implemented?.TypeArguments[0];
    }

    private static string Quote(string[] values) => string.Join(", ", values.Select(v => "'" + v + "'"));

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.WithNullableAnnotation(NullableAnnotation.NotAnnotated), baseType)) return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is the type named <paramref name="metadataName"/>.</summary>
    internal static bool Is(ITypeSymbol type, Compilation compilation, string metadataName)
    {
        var target = compilation.GetTypeByMetadataName(metadataName);
        return target is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.WithNullableAnnotation(NullableAnnotation.NotAnnotated), target);
    }
}
