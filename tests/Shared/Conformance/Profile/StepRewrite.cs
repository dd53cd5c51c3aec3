using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// One step while the profile's rules rewrite it: the request, the expectation as the rules have left it so far
/// (a rule may replace it), and the expectation as recorded, which rules consult for what Next.js did.
/// </summary>
public sealed class StepRewrite
{
    /// <summary>Starts from the recorded step.</summary>
    /// <param name="step">The step as the case file holds it.</param>
    public StepRewrite(CaseStep step)
    {
        Step = step;
        Expect = (JsonObject)step.Expect.DeepClone();
        Recorded = (JsonObject)step.Expect.DeepClone();
    }

    /// <summary>The step as recorded (its request is what will be sent).</summary>
    public CaseStep Step { get; }

    /// <summary>The expectation being rewritten.</summary>
    public JsonObject Expect { get; set; }

    /// <summary>The expectation before any rule ran.</summary>
    public JsonObject Recorded { get; }

    /// <summary>The <c>headers</c> object of the expectation, or <see langword="null"/> when it names none.</summary>
    public JsonObject? Headers => Expect["headers"] as JsonObject;
}
