using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Kind <c>not-found-page</c> (<c>{"status", "contentTypePrefix", "ignoreHeaders"}</c>): on a step expecting that
/// status with a content type starting with the prefix (the HTML not-found page), these headers are not checked.
/// </summary>
public sealed class NotFoundPageRule(ProfileRuleSpec spec) : ProfileRule(spec)
{
    /// <inheritdoc />
    public override bool Rewrite(StepRewrite step, List<string> warnings)
    {
        var headers = step.Headers;
        var status = Spec.Data.TryGetPropertyValue("status", out var given) ? given : JsonValue.Create(404);
        if (!JsonTree.PythonEquals(step.Expect["status"], status)
            || JsonTree.AsString(headers?["content-type"]) is not { } contentType
            || !contentType.StartsWith(Spec.String("contentTypePrefix", "text/html"), StringComparison.Ordinal))
        {
            return false;
        }

        var changed = false;
        foreach (var name in Spec.Strings("ignoreHeaders")) changed |= headers!.Remove(name);
        return changed;
    }
}
