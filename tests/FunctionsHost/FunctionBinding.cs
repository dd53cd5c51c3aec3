using System.Text.Json;
using NextRouteHandlers.Testing.FunctionsHost.Rpc;

namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>An HTTP-triggered function as the worker described it: the host routes requests to it with these values.</summary>
/// <param name="FunctionId">The id the worker gave it.</param>
/// <param name="Name">The function's name.</param>
/// <param name="TriggerName">The trigger parameter's binding name, which the invocation's input data carries.</param>
/// <param name="Route">The trigger's route template.</param>
/// <param name="Methods">The trigger's methods, upper case.</param>
/// <param name="AuthLevel">The trigger's authorization level, as written.</param>
public sealed record FunctionBinding(string FunctionId, string Name, string TriggerName, string Route, IReadOnlySet<string> Methods, string AuthLevel)
{
    /// <summary>The seven methods route handlers answer; the catch-all function must list all of them.</summary>
    public static readonly IReadOnlySet<string> RouteHandlerMethods = new HashSet<string>(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], StringComparer.Ordinal);

    /// <summary>Reads the HTTP trigger out of the worker's metadata.</summary>
    /// <param name="metadata">One function of the worker's <c>FunctionMetadataResponse</c>.</param>
    /// <exception cref="InvalidOperationException">The function has no <c>httpTrigger</c> binding, or it is malformed.</exception>
    public static FunctionBinding FromMetadata(RpcFunctionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var raw in metadata.RawBindings)
        {
            using var binding = JsonDocument.Parse(raw);
            var root = binding.RootElement;
            if (!root.TryGetProperty("type", out var type) || !string.Equals(type.GetString(), "httpTrigger", StringComparison.OrdinalIgnoreCase)) continue;

            var methods = root.TryGetProperty("methods", out var list)
                ? list.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal)
                : [];
            return new FunctionBinding(
                metadata.FunctionId,
                metadata.Name,
                root.GetProperty("name").GetString()!,
                root.TryGetProperty("route", out var route) ? route.GetString() ?? metadata.Name : metadata.Name,
                methods,
                root.TryGetProperty("authLevel", out var auth) ? auth.GetString() ?? string.Empty : string.Empty);
        }

        throw new InvalidOperationException($"Function '{metadata.Name}' has no httpTrigger binding: {string.Join(", ", metadata.RawBindings)}");
    }

    /// <summary>
    /// Throws unless the worker reports exactly one function, an anonymous HTTP trigger on <c>{*path}</c> for the seven
    /// methods, with no other binding than the HTTP output the worker adds for it (<c>$return</c>): the one catch-all
    /// function route handlers need.
    /// </summary>
    /// <param name="functions">Every function the worker reported.</param>
    /// <exception cref="InvalidOperationException">The metadata is not that, with what it is instead.</exception>
    public static FunctionBinding RequireCatchAll(IReadOnlyList<RpcFunctionMetadata> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var described = string.Join("\n", functions.Select(f => $"  {f.Name}: {string.Join(", ", f.RawBindings)}"));
        if (functions.Count != 1) throw new InvalidOperationException($"The worker reported {functions.Count} functions; route handlers need exactly one catch-all function:\n{described}");

        var function = FromMetadata(functions[0]);
        var problems = new List<string>();
        var others = functions[0].RawBindings.Where(raw => !IsTrigger(raw) && !IsHttpOutput(raw)).ToArray();
        if (others.Length > 0) problems.Add($"other bindings beside the trigger and its HTTP output: {string.Join(", ", others)}");
        if (!string.Equals(function.AuthLevel, "anonymous", StringComparison.OrdinalIgnoreCase)) problems.Add($"auth level '{function.AuthLevel}' instead of anonymous");
        if (function.Route != "{*path}") problems.Add($"route '{function.Route}' instead of '{{*path}}'");
        if (!function.Methods.SetEquals(RouteHandlerMethods)) problems.Add($"methods [{string.Join(", ", function.Methods.Order())}] instead of the seven");
        if (problems.Count > 0) throw new InvalidOperationException($"The worker's function is not the route-handler catch-all ({string.Join("; ", problems)}):\n{described}");
        return function;
    }

    private static bool IsTrigger(string raw) => TypeOf(raw) is { } type && type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase);

    private static bool IsHttpOutput(string raw)
    {
        using var binding = JsonDocument.Parse(raw);
        return TypeOf(raw) is { } type && type.Equals("http", StringComparison.OrdinalIgnoreCase)
            && binding.RootElement.TryGetProperty("direction", out var direction) && string.Equals(direction.GetString(), "out", StringComparison.OrdinalIgnoreCase);
    }

    private static string? TypeOf(string raw)
    {
        using var binding = JsonDocument.Parse(raw);
        return binding.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
    }
}
