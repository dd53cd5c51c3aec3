namespace NextRouteHandlers.Testing.Conformance;

/// <summary>What one step of a replayed case sent and got.</summary>
/// <param name="Request">The request as sent.</param>
/// <param name="Response">The response, or <see langword="null"/> when the request failed.</param>
/// <param name="Errors">The differences found in this step.</param>
public sealed record StepOutcome(WireRequest? Request, WireResponse? Response, IReadOnlyList<string> Errors);
