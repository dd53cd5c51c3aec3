namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A profile bound to one server and one corpus (see <see cref="ReplayProfile.Bind"/>): its rules as code, in file
/// order, and the string normalization of its <c>origin</c> rule.
/// </summary>
public sealed class BoundProfile
{
    private readonly IReadOnlyList<ProfileRule> _rules;

    internal BoundProfile(ReplayProfile profile, ReplayTarget target, IReadOnlyList<ConformanceCase> corpus, RouteTable? routes)
    {
        Profile = profile;
        var allowLists = new AllowLists(target, corpus, routes);
        _rules = profile.Rules.Select(spec => Create(spec, allowLists)).ToArray();
        // As replay.py: the last origin rule's normalization is the one used.
        var origin = _rules.OfType<OriginRule>().LastOrDefault();
        OriginRuleName = origin?.Spec.Name;
        var normalizer = origin?.NormalizerFor(target);
        Normalize = normalizer is null ? text => text : normalizer.Normalize;
    }

    /// <summary>The profile.</summary>
    public ReplayProfile Profile { get; }

    /// <summary>The name of the rule whose normalization is in use, if any.</summary>
    public string? OriginRuleName { get; }

    /// <summary>The string normalization applied to both sides of every comparison.</summary>
    public Func<string, string> Normalize { get; }

    /// <summary>The type (<c>ignore</c>, <c>normalize</c>, <c>deviation</c>) of the rule named <paramref name="name"/>.</summary>
    /// <param name="name">A rule name.</param>
    public string? TypeOf(string name) => Profile.Rules.FirstOrDefault(r => r.Name == name)?.Type;

    /// <summary>
    /// Runs every rule over every step of <paramref name="testCase"/>, in order. Returns the rewritten steps, the names
    /// of the rules that changed each step, and the warnings of rules that could not apply as meant.
    /// </summary>
    /// <param name="testCase">The case as recorded.</param>
    public (IReadOnlyList<CaseStep> Steps, IReadOnlyList<IReadOnlyList<string>> StepRules, IReadOnlyList<string> Warnings) Apply(ConformanceCase testCase)
    {
        var steps = new List<CaseStep>();
        var stepRules = new List<IReadOnlyList<string>>();
        var warnings = new List<string>();
        foreach (var step in testCase.Steps)
        {
            var rewrite = new StepRewrite(step);
            var names = new List<string>();
            foreach (var rule in _rules)
            {
                if (rule.Rewrite(rewrite, warnings)) names.Add(rule.Spec.Name);
            }

            steps.Add(step.WithExpect(rewrite.Expect));
            stepRules.Add(names);
        }

        return (steps, stepRules, warnings);
    }

    private static ProfileRule Create(ProfileRuleSpec spec, AllowLists allowLists) => spec.Kind switch
    {
        "ignore-headers" => new IgnoreHeadersRule(spec),
        "vary-tokens" => new VaryTokensRule(spec),
        "origin" => new OriginRule(spec),
        "not-found-page" => new NotFoundPageRule(spec),
        "unchecked-request" => new UncheckedRequestRule(spec),
        "injected-request-headers" => new InjectedRequestHeadersRule(spec),
        "allow-on-405" => new AllowOn405Rule(spec, allowLists),
        "public-origin" => new PublicOriginRule(spec),
        _ => throw new InvalidDataException($"profile {spec.Name}: unknown kind {spec.Kind}"),
    };
}
