namespace NextRouteHandlers.Testing.Conformance;

/// <summary>The code of one rule kind, bound to one rule of the profile file.</summary>
public abstract class ProfileRule
{
    /// <summary>Binds the kind to a rule.</summary>
    /// <param name="spec">The rule as written.</param>
    protected ProfileRule(ProfileRuleSpec spec) => Spec = spec;

    /// <summary>The rule as written.</summary>
    public ProfileRuleSpec Spec { get; }

    /// <summary>Rewrites the step's expectation; returns whether it changed anything.</summary>
    /// <param name="step">The step.</param>
    /// <param name="warnings">Where to note what the rule could not do as intended.</param>
    public abstract bool Rewrite(StepRewrite step, List<string> warnings);
}
