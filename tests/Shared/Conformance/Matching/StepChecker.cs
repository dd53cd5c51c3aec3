using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Checks one response against one step's expectation: <c>status</c> exactly, then <see cref="HeaderMatchers"/>,
/// <see cref="BodyMatchers"/> and <see cref="StreamMatchers"/>. What the expectation does not name is not checked.
/// </summary>
public static class StepChecker
{
    /// <summary>Every difference between the expectation and the response; empty when the step passes.</summary>
    /// <param name="context">The step being checked.</param>
    /// <param name="expect">The step's expectation (after the profile and the overrides).</param>
    public static List<string> Check(StepCheckContext context, JsonObject expect)
    {
        var errors = new List<string>();
        var response = context.Response;
        if (expect.TryGetPropertyValue("status", out var status) && !JsonTree.PythonEquals(status, JsonValue.Create(response.Status)))
        {
            errors.Add($"status: expected {JsonTree.Show(status)}, got {response.Status}");
        }

        if (expect["headers"] is JsonObject headers) HeaderMatchers.Check(context, headers, errors);
        if (expect["body"] is JsonObject body) BodyMatchers.Check(context, body, errors);
        if (expect["stream"] is JsonObject { Count: > 0 } stream) StreamMatchers.Check(response, stream, errors);
        return errors;
    }
}
