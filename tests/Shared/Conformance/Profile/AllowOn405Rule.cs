using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Kind <c>allow-on-405</c> (<c>{"recordedAllow": "absent"|"present", "body"?}</c>): a step where Next.js answered
/// 405 with (<c>present</c>) or without (<c>absent</c>) an <c>Allow</c> header must carry the route's method list
/// as a token set (see <see cref="AllowLists"/>); <c>body</c>, when given, replaces the body expectation.
/// </summary>
public sealed class AllowOn405Rule(ProfileRuleSpec spec, AllowLists allowLists) : ProfileRule(spec)
{
    private static readonly JsonNode Status405 = JsonValue.Create(405);
    private static readonly JsonObject Absent = new() { ["present"] = false };

    /// <inheritdoc />
    public override bool Rewrite(StepRewrite step, List<string> warnings)
    {
        if (!JsonTree.PythonEquals(step.Expect["status"], Status405) || !JsonTree.PythonEquals(step.Recorded["status"], Status405)) return false;
        var recorded = (step.Recorded["headers"] as JsonObject)?["allow"];
        var recordedAbsent = recorded is null || JsonTree.PythonEquals(recorded, Absent);
        if (recordedAbsent != (Spec.String("recordedAllow", "absent") == "absent")) return false;

        if (step.Headers is not { } headers) step.Expect["headers"] = headers = [];
        var (allow, warning) = allowLists.For(step.Step.Path);
        if (warning is not null) warnings.Add(warning);
        if (allow is null)
        {
            warnings.Add($"no route found for {step.Step.Path}: expecting any Allow header");
            headers["allow"] = new JsonObject { ["present"] = true };
        }
        else
        {
            headers["allow"] = new JsonObject { ["tokenSet"] = allow };
        }

        if (Spec.Data.TryGetPropertyValue("body", out var body)) step.Expect["body"] = JsonTree.Clone(body);
        return true;
    }
}
