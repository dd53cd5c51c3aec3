namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Kind <c>unchecked-request</c> (<c>{"requestHeaders": [...]}</c>): a step whose request sends one of these headers
/// is sent but not checked at all (its expectation becomes empty).
/// </summary>
public sealed class UncheckedRequestRule(ProfileRuleSpec spec) : ProfileRule(spec)
{
    /// <inheritdoc />
    public override bool Rewrite(StepRewrite step, List<string> warnings)
    {
        if (!Spec.Strings("requestHeaders").Any(name => step.Step.SentHeader(name) is not null) || step.Expect.Count == 0) return false;
        step.Expect = [];
        return true;
    }
}
