using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NextRouteHandlers.Generators.Model;
using NextRouteHandlers.Proxy;

namespace NextRouteHandlers.Generators;

/// <summary>
/// Reads <c>app/proxy.cs</c> into a <see cref="ProxyFileModel"/>: the class holding the public static <c>Proxy</c>
/// method, its binding (as for route handlers, without route parameters), and its <c>Matcher</c>, whose patterns are
/// checked now, as <c>next build</c> checks <c>config.matcher</c>. Like <see cref="RouteFileParser"/>, it returns values
/// only and names the file as <see cref="Model.DiagnosticInfo.ThisFile"/>; whether the file is the app's proxy (only
/// <c>app/proxy.cs</c> is: Next.js runs one proxy per app, from the root) is decided when <see cref="AppFiles"/> places it.
/// </summary>
internal static class ProxyFileParser
{
    public const string FileName = "proxy.cs";

    private const string ThisFile = DiagnosticInfo.ThisFile;
    private const string MethodName = "Proxy";
    private const string MatcherType = "NextRouteHandlers.Proxy.ProxyMatcher";

    public static ProxyFileModel Parse(CompilationUnitSyntax unit, SemanticModel model, CancellationToken cancellationToken)
    {
        var filePath = PathText.Normalize(unit.SyntaxTree.FilePath);
        var fileLocation = LocationInfo.AtFile(unit.SyntaxTree.FilePath);
        var withProxy = RouteFileParser.DeclaredClasses(unit, model, cancellationToken)
            .Where(c => c.GetMembers(MethodName).Any(m => m is IMethodSymbol))
            .ToList();
        if (withProxy.Count == 0)
        {
            return ProxyFileModel.Invalid(filePath, fileLocation, DiagnosticInfo.Create(DiagnosticDescriptors.InvalidProxy, fileLocation, ThisFile, "it declares no class with a public static Proxy method"));
        }

        if (withProxy.Count > 1)
        {
            var second = LocationInfo.From(withProxy[1].Locations[0]);
            return ProxyFileModel.Invalid(filePath, fileLocation, DiagnosticInfo.Create(DiagnosticDescriptors.InvalidProxy, second, ThisFile, $"Proxy is declared in more than one class ({string.Join(", ", withProxy.Select(c => c.Name))}); keep one"));
        }

        var proxyClass = withProxy[0];
        var diagnostics = new List<DiagnosticInfo>();
        var handler = BindProxy(proxyClass.GetMembers(MethodName).OfType<IMethodSymbol>().ToList(), model.Compilation, diagnostics);
        var matcher = ReadMatcher(proxyClass, model, diagnostics, cancellationToken);
        return new ProxyFileModel(filePath, fileLocation, RouteFileParser.FullName(proxyClass), handler, matcher, EquatableArray.From(diagnostics));
    }

    private static HandlerModel? BindProxy(List<IMethodSymbol> methods, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        var method = methods[0];
        var location = LocationInfo.From(method.Locations[0]);
        void Fail(string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidProxy, location, ThisFile, reason));

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

        var arguments = new List<ArgumentModel>();
        foreach (var parameter in method.Parameters)
        {
            var type = parameter.Type;
            ArgumentModel? argument = null;
            if (parameter.RefKind != RefKind.None) Fail($"parameter '{parameter.Name}' may not be ref, in or out");
            else if (RouteFileParser.Is(type, compilation, "NextRouteHandlers.Http.NextRequest")) argument = new ArgumentModel(ArgumentSource.Request);
            else if (RouteFileParser.Is(type, compilation, "System.Threading.CancellationToken")) argument = new ArgumentModel(ArgumentSource.Aborted);
            else if (RouteFileParser.Is(type, compilation, "Microsoft.AspNetCore.Http.HttpContext")) argument = new ArgumentModel(ArgumentSource.HttpContext);
            else if (RouteFileParser.Is(type, compilation, "NextRouteHandlers.Manifest.RouteContext") || RouteFileParser.Is(type, compilation, "NextRouteHandlers.Routing.RouteParams"))
            {
                Fail($"parameter '{parameter.Name}' is a {type.Name}, but the proxy runs before a route is matched; it takes NextRequest, CancellationToken, HttpContext or services");
            }
            else if (!RouteFileParser.IsServiceType(type))
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

    private static MatcherForm? ReadMatcher(INamedTypeSymbol proxyClass, SemanticModel model, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var member = proxyClass.GetMembers(ProxyFileModel.MatcherField).FirstOrDefault();
        if (member is null) return null;
        var location = LocationInfo.From(member.Locations[0]);
        void Fail(LocationInfo at, string reason) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidProxyMatcher, at, ThisFile, reason));

        const string Shapes = "Matcher must be a 'public const string', or a 'public static readonly' string[] or ProxyMatcher[] initialised with constants, so it is known when the app is built";
        if (member is not IFieldSymbol field || !field.IsStatic || field.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            Fail(location, Shapes);
            return null;
        }

        if (field.IsConst && field.Type.SpecialType == SpecialType.System_String)
        {
            if (field.ConstantValue is string single && Check(single, "Matcher", location, Fail)) return MatcherForm.Single;
            return null;
        }

        var elementType = (field.Type as IArrayTypeSymbol)?.ElementType;
        var isStrings = elementType?.SpecialType == SpecialType.System_String;
        var isMatchers = elementType is not null && RouteFileParser.Is(elementType, model.Compilation, MatcherType);
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
        return isStrings ? MatcherForm.Strings : MatcherForm.Matchers;
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
