using System.Text.Json;
using System.Text.RegularExpressions;

namespace Infra.Tests;

/// <summary>
/// The ARM JSON that <c>bicep build</c> produced, with the resources of every module (nested deployment) flattened,
/// each paired with the template that declares it (so <c>variables('x')</c> can be read where it is used).
/// </summary>
public sealed partial class ArmTemplate
{
    public ArmTemplate(string json)
    {
        Json = json;
        Root = JsonDocument.Parse(json).RootElement.Clone();
        Resources = Flatten(Root, []).ToArray();
    }

    /// <summary>The compiled text.</summary>
    public string Json { get; }

    /// <summary>The main template.</summary>
    public JsonElement Root { get; }

    /// <summary>Every resource of the main template and of its modules, modules included.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>The resources of one type (e.g. <c>Microsoft.Web/sites</c>) that the deployment creates (not <c>existing</c> references).</summary>
    public IReadOnlyList<ArmResource> Deployed(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && !r.IsExisting).ToArray();

    /// <summary>
    /// The resources of one type the deployment creates for one value of the <c>frontDoorEnabled</c> parameter: those
    /// whose conditions (their own and their modules') hold. A condition on anything else fails the test, so a new
    /// switch in the templates is noticed here.
    /// </summary>
    public IReadOnlyList<ArmResource> Deployed(string type, bool frontDoorEnabled) =>
        Deployed(type).Where(r => r.Conditions.All(c => Holds(c, frontDoorEnabled))).ToArray();

    private static bool Holds(string condition, bool frontDoorEnabled) => condition switch
    {
        "[parameters('frontDoorEnabled')]" => frontDoorEnabled,
        "[not(parameters('frontDoorEnabled'))]" => !frontDoorEnabled,
        _ => throw new Xunit.Sdk.XunitException($"A resource is deployed on a condition these tests do not evaluate: {condition}"),
    };

    /// <summary>The one resource of <paramref name="type"/> the deployment creates.</summary>
    public ArmResource Single(string type)
    {
        var matches = Deployed(type);
        Assert.True(matches.Count == 1, $"Expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>A parameter of the main template.</summary>
    public JsonElement Parameter(string name) => Root.GetProperty("parameters").GetProperty(name);

    private static IEnumerable<ArmResource> Flatten(JsonElement template, IReadOnlyList<string> outerConditions)
    {
        if (!template.TryGetProperty("resources", out var resources)) yield break;

        // languageVersion 2.0 templates hold resources in an object keyed by symbolic name; older ones in an array.
        var items = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (var resource in items)
        {
            var conditions = resource.TryGetProperty("condition", out var condition) ? [.. outerConditions, condition.GetString()!] : outerConditions;
            var item = new ArmResource(resource, template) { Conditions = conditions };
            yield return item;
            if (item.Type == "Microsoft.Resources/deployments" && resource.GetProperty("properties").TryGetProperty("template", out var inner))
            {
                foreach (var nested in Flatten(inner, conditions)) yield return nested;
            }
        }
    }
}

/// <summary>One resource and the template that declares it.</summary>
public sealed partial record ArmResource(JsonElement Element, JsonElement Template)
{
    /// <summary>The conditions the resource is deployed on: its modules' (outermost first), then its own.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>The resource type.</summary>
    public string Type => Element.GetProperty("type").GetString()!;

    /// <summary>True for an <c>existing</c> reference, which the deployment does not create.</summary>
    public bool IsExisting => Element.TryGetProperty("existing", out var existing) && existing.GetBoolean();

    /// <summary>The resource's <c>properties</c>.</summary>
    public JsonElement Properties => Element.GetProperty("properties");

    /// <summary>A property by path, e.g. <c>Get("properties", "siteConfig", "minTlsVersion")</c>.</summary>
    public JsonElement Get(params string[] path)
    {
        var current = Element;
        foreach (var name in path)
        {
            Assert.True(current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out current), $"{Type} has no {string.Join('.', path)}:\n{Element}");
        }

        return current;
    }

    /// <summary>A string value with every <c>variables('name')</c> of the declaring template replaced by the variable's value.</summary>
    public string Resolve(JsonElement value)
    {
        var text = value.GetString() ?? string.Empty;
        return VariableReference().Replace(text, match =>
            Template.TryGetProperty("variables", out var variables) && variables.TryGetProperty(match.Groups[1].Value, out var variable)
                ? "'" + variable.GetString() + "'"
                : match.Value);
    }

    /// <summary>The value of a variable the declaring template holds, for a value that is just <c>[variables('name')]</c>.</summary>
    public JsonElement Variable(JsonElement value)
    {
        var match = VariableReference().Match(value.GetString() ?? string.Empty);
        Assert.True(match.Success && match.Value.Length + 2 == value.GetString()!.Length, $"{value} is not a variable reference.");
        return Template.GetProperty("variables").GetProperty(match.Groups[1].Value);
    }

    /// <summary>A parameter declared by the template that holds this resource (the module's own parameters).</summary>
    public JsonElement TemplateParameter(string name) => Template.GetProperty("parameters").GetProperty(name);

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
