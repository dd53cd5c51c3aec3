namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Kind <c>origin</c> (<c>{"hosts", "replacement"}</c>): rewrites no expectation; its <see cref="OriginNormalizer"/>
/// normalizes both sides of every string comparison, and the replay reports the rule on the steps where that changed
/// a string. The server's own host counts as local too.
/// </summary>
public sealed class OriginRule(ProfileRuleSpec spec) : ProfileRule(spec)
{
    /// <summary>The normalization for a replay against <paramref name="target"/>.</summary>
    /// <param name="target">The server.</param>
    public OriginNormalizer NormalizerFor(ReplayTarget target)
    {
        var hosts = Spec.Strings("hosts").ToList();
        var own = target.Hostname.Contains(':', StringComparison.Ordinal) ? $"[{target.Hostname}]" : target.Hostname;
        if (!hosts.Contains(own)) hosts.Add(own);
        return new OriginNormalizer(hosts, Spec.String("replacement", "ORIGIN"));
    }

    /// <inheritdoc />
    public override bool Rewrite(StepRewrite step, List<string> warnings) => false;
}
