using System.Globalization;
using System.Text;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The result of replaying one case: its differences (each prefixed <c>step N:</c> in a case of several steps), the
/// profile rules that touched it, the overrides used (with their reasons), and what each step sent and got.
/// </summary>
/// <param name="Effective">The case as checked.</param>
/// <param name="Errors">Every difference; empty when the case passed.</param>
/// <param name="ProfileRules">The names of the profile rules that changed a step or normalized one of its strings, sorted.</param>
/// <param name="Deviations">Those of <paramref name="ProfileRules"/> of type <c>deviation</c>.</param>
/// <param name="Steps">What each step sent and got, in order.</param>
public sealed record CaseResult(EffectiveCase Effective, IReadOnlyList<string> Errors, IReadOnlyList<string> ProfileRules, IReadOnlyList<string> Deviations, IReadOnlyList<StepOutcome> Steps)
{
    private const int BodyShown = 1000;

    /// <summary>Whether every step matched.</summary>
    public bool Passed => Errors.Count == 0;

    /// <summary>
    /// <c>ok id [group]</c>, or <c>FAIL id [group]: difference | difference</c> followed by <c>[deviation: ...]</c>
    /// and <c>[overridden]</c> when a deviation rule or an override changed the case.
    /// </summary>
    public string Summary
    {
        get
        {
            var head = $"{Effective.Case.Id} [{Effective.Case.Group}]";
            if (Passed) return "ok   " + head;
            var notes = (Deviations.Count > 0 ? $"  [deviation: {string.Join(", ", Deviations)}]" : string.Empty)
                + (Effective.Overrides.Count > 0 ? "  [overridden]" : string.Empty);
            return $"FAIL {head}: {string.Join(" | ", Errors)}{notes}";
        }
    }

    /// <summary>The summary, the rules, overrides and warnings, and each step's request and response.</summary>
    public string Describe()
    {
        var text = new StringBuilder().AppendLine(Summary).AppendLine(Effective.Case.Description);
        if (ProfileRules.Count > 0) text.AppendLine("profile rules: " + string.Join(", ", ProfileRules));
        foreach (var applied in Effective.Overrides) text.AppendLine(applied.ToString());
        foreach (var warning in Effective.Warnings) text.AppendLine("warning: " + warning);
        for (var i = 0; i < Steps.Count; i++) AppendStep(text, i, Steps[i]);
        return text.ToString();
    }

    private static void AppendStep(StringBuilder text, int index, StepOutcome step)
    {
        if (step.Request is { } request)
        {
            text.Append(CultureInfo.InvariantCulture, $"step {index}: {request.Method} {request.Target}");
            foreach (var (name, value) in request.Headers) text.Append(CultureInfo.InvariantCulture, $" | {name}: {value}");
            text.AppendLine();
        }

        if (step.Response is not { } response) return;
        text.AppendLine(CultureInfo.InvariantCulture, $"  -> {response.Status} {response.Reason} (headers at {response.HeadersMs} ms, {response.Reads.Count} body reads)");
        foreach (var (name, value) in response.HeaderLines) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: {value}");
        var body = response.BodyText;
        if (body.Length > 0) text.AppendLine("  " + (body.Length > BodyShown ? body[..BodyShown] + "..." : body));
    }
}
