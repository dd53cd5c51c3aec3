namespace NextRouteHandlers.Cdn;

/// <summary>
/// The purges not yet sent, shared by every instance that shares the cache store, so that one instance sends them
/// (batched) and a purge outlives the instance that queued it.
/// </summary>
internal interface IPurgeQueue
{
    /// <summary>Adds a job.</summary>
    Task AddAsync(PurgeJob job, CancellationToken cancellationToken);

    /// <summary>The jobs waiting, oldest first.</summary>
    Task<IReadOnlyList<PurgeJob>> PendingAsync(CancellationToken cancellationToken);

    /// <summary>Removes a job whose purge was accepted, or that was given up.</summary>
    Task RemoveAsync(PurgeJob job, CancellationToken cancellationToken);

    /// <summary>Records that a round failed to send the job, which stays queued.</summary>
    Task FailedRoundAsync(PurgeJob job, CancellationToken cancellationToken);
}
