namespace NextRouteHandlers.Cdn;

/// <summary>What became of one purge request.</summary>
internal enum PurgeOutcome
{
    /// <summary>Front Door accepted it; it reaches every edge within minutes.</summary>
    Accepted,

    /// <summary>Front Door refused it for good (400, 401, 403, 404): trying again will not help.</summary>
    Rejected,

    /// <summary>Front Door kept answering 429 or 5xx, or could not be reached, for every try: worth another round later.</summary>
    Unavailable,
}

/// <summary>The result of one purge request.</summary>
/// <param name="Outcome">What became of it.</param>
/// <param name="Status">The last HTTP status, or null when no answer came.</param>
/// <param name="Operation">For an accepted purge still running, the URL of its long-running operation.</param>
/// <param name="Detail">For a failure, what Front Door said (the start of its body) or the error.</param>
internal sealed record PurgeResult(PurgeOutcome Outcome, int? Status, Uri? Operation = null, string? Detail = null);
