using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NextRouteHandlers.Generators.Model;
using NextRouteHandlers.Proxy;

namespace NextRouteHandlers.Generators;

/// <summary>
/// Reads <c>app/proxy.cs</c> into a <see cref="ProxyFileModel"/>: the class holding the public static <c>Proxy</c>
/// method, its binding (as for route handlers, without route parameters), and its <c>Matcher</c>, whose patterns are
/// checked now, as <c>next build</c> checks <c>config.matcher</c>. A <c>proxy.cs</c> anywhere else in the app folder
/// is an error: Next.js runs one proxy per app, from the root.
/// </summary>
internal static class ProxyFileParser
{
    public const string FileName = "proxy.cs";

    private const string MethodName = "Proxy";
    private const string MatcherName = "Matcher";
    private const string MatcherType = "NextRouteHandlers.Proxy.ProxyMatcher";
    private const string MatcherTypeName = "global::" + MatcherType;

    public static ProxyFileModel Parse(CompilationUnitSyntax unit, SemanticModel model, AppOptions options, CancellationToken cancellationToken)
    {
        var filePath = PathText.Normalize(unit.SyntaxTree.FilePath);
        var display = options.DisplayPath(filePath);
        var fileLocation = LocationInfo.From(Location.Create(unit.SyntaxTree, default));
        if (options.RelativeToApp(filePath) != FileName)
        {
            return Invalid(filePath, display, DiagnosticInfo.Create(DiagnosticDescriptors.ProxyNotAtRoot, fileLocation, display));
        }

        var withProxy = unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<ClassDeclarationSyntax>()
            .Select(c => model.GetDeclaredSymbol(c, cancellationToken))
            .OfType<INamedTypeSymbol>()
            .Where(c => c.GetMembers(MethodName).Any(m => m is IMethodSymbol))
            .ToList();
        if (withProxy.Count == 0)
        {
            return Invalid(filePath, display, DiagnosticInfo.Create(DiagnosticDescriptors.InvalidProxy, fileLocation, display, "it declares no class with a public static Proxy method"));
        }

        if (withProxy.Count > 1)
        {
            var second = LocationInfo.From(withProxy[1].Locations[0]);
            return Invalid(filePath, display, DiagnosticInfo.Create(DiagnosticDescriptors.InvalidProxy, second, display, $"Proxy is declared in more than one class ({string.Join(", ", withProxy.Select(c => c.Name))}); keep one"));
        }

        var proxyClass = withProxy[0];
        var diagnostics = new List<DiagnosticInfo>();
        var handler = BindProxy(proxyClass.GetMembers(MethodName).OfType<IMethodSymbol>().ToList(), model.Compilation, display, diagnostics);
        var className = proxyClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var matchers = ReadMatcher(proxyClass, className, model, display, diagnostics, cancellationToken);
        return new ProxyFileModel(filePath, display, className, handler, matchers, EquatableArray.From(diagnostics));
    }

    private static ProxyFileModel Invalid(string filePath, string display, DiagnosticInfo diagnostic) =>
        new(filePath, display, null, null, null, EquatableArray.From([diagnostic]));

    private static HandlerModel? BindProxy(List<IMethodSymbol> methods, Compilation compilation, string display, List<DiagnosticInfo> diagnostics)
    {
        var method = methods[0];
        var location = LocationInfo.From(method.Locations[0]);
        void Fail(string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidProxy, location, display, reason));

        if (methods.Count > 1)
        {
            Fail("Proxy is overloaded; declare one Proxy method");
            return null;
        }

        if (!method.IsStatic || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) || method.IsGenericMethod)
        {
            Fail("Proxy must be a public or internal static, non-generic method");
            return null;
        }

        var shape = RouteFileParser.ClassifyReturn(method.ReturnType, compilation);
        if (shape is null)
        {
            Fail($"Proxy returns {method.ReturnType.ToDisplayString()}; it returns Response, Task<Response> or ValueTask<Response> (NextResponse too; null continues)");
            return null;
        }

        var arguments = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            var type = parameter.Type;
            string? argument = null;
            if (parameter.RefKind != RefKind.None) Fail($"parameter '{parameter.Name}' may not be ref, in or out");
            else if (RouteFileParser.Is(type, compilation, "NextRouteHandlers.Http.NextRequest")) argument = "invocation.Request";
            else if (RouteFileParser.Is(type, compilation, "System.Threading.CancellationToken")) argument = "invocation.Aborted";
            else if (RouteFileParser.Is(type, compilation, "Microsoft.AspNetCore.Http.HttpContext")) argument = "invocation.HttpContext";
            else if (RouteFileParser.Is(type, compilation, "NextRouteHandlers.Manifest.RouteContext") || RouteFileParser.Is(type, compilation, "NextRouteHandlers.Routing.RouteParams"))
            {
                Fail($"parameter '{parameter.Name}' is a {type.Name}, but the proxy runs before a route is matched; it takes NextRequest, CancellationToken, HttpContext or services");
            }
            else if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Pointer or TypeKind.Error or TypeKind.Dynamic || type is IArrayTypeSymbol)
            {
                Fail($"parameter '{parameter.Name}' of type {type.ToDisplayString()} cannot be bound: the proxy takes NextRequest, CancellationToken, HttpContext, or services registered in dependency injection");
            }
            else
            {
                argument = RouteFileParser.ServiceArgument(parameter);
            }

            if (argument is null) return null;
            arguments.Add(argument);
        }

        return new HandlerModel("PROXY", method.Name, shape.Value, EquatableArray.From(arguments));
    }

    private static string? ReadMatcher(INamedTypeSymbol proxyClass, string className, SemanticModel model, string display, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var member = proxyClass.GetMembers(MatcherName).FirstOrDefault();
        if (member is null) return null;
        var location = LocationInfo.From(member.Locations[0]);
        void Fail(LocationInfo at, string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidProxyMatcher, at, display, reason));

        const string Shapes = "Matcher must be a 'public const string', or a 'public static readonly' string[] or ProxyMatcher[] initialised with constants, so it is known when the app is built";
        if (member is not IFieldSymbol field || !field.IsStatic || field.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            Fail(location, Shapes);
            return null;
        }

        var compilation = model.Compilation;
        var reference = className + "." + MatcherName;
        if (field.IsConst && field.Type.SpecialType == SpecialType.System_String)
        {
            if (field.ConstantValue is string single && Check(single, "Matcher", location, Fail)) return $"new {MatcherTypeName}[] {{ {reference} }}";
            return null;
        }

        var elementType = (field.Type as IArrayTypeSymbol)?.ElementType;
        var isStrings = elementType?.SpecialType == SpecialType.System_String;
        var isMatchers = elementType is not null && RouteFileParser.Is(elementType, compilation, MatcherType);
        var initializer = (field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax)?.Initializer?.Value;
        if (!field.IsReadOnly || !(isStrings || isMatchers) || initializer is null || Elements(initializer) is not { } elements)
        {
            Fail(location, Shapes);
            return null;
        }

        var valid = true;
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var at = LocationInfo.From(element.GetLocation());
            var source = ConstantSource(element, model, isMatchers, cancellationToken);
            if (source is null)
            {
                Fail(at, $"Matcher[{i}] must be a constant string{(isMatchers ? " or new ProxyMatcher(\"...\") with a constant source" : string.Empty)}, so it is known when the app is built");
                valid = false;
            }
            else
            {
                valid &= Check(source, $"Matcher[{i}]", at, Fail);
            }
        }

        if (!valid) return null;
        return isStrings ? $"global::System.Array.ConvertAll({reference}, {MatcherTypeName}.FromSource)" : reference;
    }

    private static bool Check(string source, string name, LocationInfo at, Action<LocationInfo, string> fail)
    {
        try
        {
            PathPattern.ForProxyMatcher(source);
            return true;
        }
        catch (PathPatternException exception)
        {
            fail(at, $"{name} '{source}' is not a valid path pattern: {exception.Message}");
            return false;
        }
    }

    private static IReadOnlyList<ExpressionSyntax>? Elements(ExpressionSyntax initializer) => initializer switch
    {
        CollectionExpressionSyntax collection => collection.Elements.All(e => e is ExpressionElementSyntax)
            ? collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList()
            : null,
        ArrayCreationExpressionSyntax { Initializer: { } values } => values.Expressions.ToList(),
        ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions.ToList(),
        InitializerExpressionSyntax values => values.Expressions.ToList(),
        _ => null,
    };

    private static string? ConstantSource(ExpressionSyntax element, SemanticModel model, bool allowMatcherCreation, CancellationToken cancellationToken)
    {
        if (model.GetConstantValue(element, cancellationToken) is { HasValue: true, Value: string text }) return text;
        if (!allowMatcherCreation) return null;
        var arguments = element switch
        {
            ObjectCreationExpressionSyntax creation => creation.ArgumentList,
            ImplicitObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };

        if (arguments is null || arguments.Arguments.Count != 1) return null;
        return model.GetConstantValue(arguments.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string source } ? source : null;
    }
}
