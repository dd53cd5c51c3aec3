namespace NextRouteHandlers.Cdn;

/// <summary>The body of Front Door's purge request (<c>AfdPurgeParameters</c>).</summary>
/// <param name="ContentPaths">The paths: a file, <c>/folder/*</c> or <c>/*</c>.</param>
/// <param name="Domains">The domains to purge them on, or null for the endpoint's own.</param>
internal sealed record FrontDoorPurgeBody(IReadOnlyList<string> ContentPaths, IReadOnlyList<string>? Domains);

/// <summary>The status document of a long-running Azure Resource Manager operation.</summary>
/// <param name="Status"><c>InProgress</c>, <c>Succeeded</c>, <c>Failed</c> or <c>Canceled</c>.</param>
internal sealed record FrontDoorOperationStatus(string? Status);
