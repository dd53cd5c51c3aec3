namespace NextRouteHandlers.Testing.Conformance;

/// <summary>Kind <c>ignore-headers</c> (<c>{"headers": [...]}</c>): these headers are not checked, neither value nor presence.</summary>
public sealed class IgnoreHeadersRule(ProfileRuleSpec spec) : ProfileRule(spec)
{
    /// <inheritdoc />
    public override bool Rewrite(StepRewrite step, List<string> warnings)
    {
        if (step.Headers is not { } headers) return false;
        var changed = false;
        foreach (var name in Spec.Strings("headers")) changed |= headers.Remove(name);
        return changed;
    }
}
