namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A case as it will be checked: every step's expectation after the profile and the overrides, the profile rules that
/// changed each step, the overrides that applied, and the profile's warnings for it.
/// </summary>
/// <param name="Case">The case with its effective steps.</param>
/// <param name="StepRules">Per step, the names of the profile rules that changed it.</param>
/// <param name="Overrides">The overrides merged into the case.</param>
/// <param name="Warnings">What the profile could not apply as meant (a 405 on an unknown route, say).</param>
public sealed record EffectiveCase(ConformanceCase Case, IReadOnlyList<IReadOnlyList<string>> StepRules, IReadOnlyList<CaseOverride> Overrides, IReadOnlyList<string> Warnings);
