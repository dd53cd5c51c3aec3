using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A deliberate difference from the recording, kept in the project's overrides file: a partial expectation merged
/// over what the profile produced for one case (one step, or every step), and why.
/// </summary>
/// <param name="Id">The case id.</param>
/// <param name="Step">The 0-based step, or <see langword="null"/> for every step.</param>
/// <param name="Expect">The partial expectation (see <see cref="ExpectationPatch"/>).</param>
/// <param name="Reason">Why the difference is deliberate.</param>
public sealed record CaseOverride(string Id, int? Step, JsonObject Expect, string Reason)
{
    /// <summary>"override (step N|all): reason", as the test output lists it.</summary>
    public override string ToString() => $"override (step {(Step is { } step ? step.ToString(System.Globalization.CultureInfo.InvariantCulture) : "all")}): {Reason}";
}
