namespace NextRouteHandlers.Cdn;

/// <summary>The purge queue of one instance (the <c>Memory</c> and <c>FileSystem</c> stores): lost on restart.</summary>
internal sealed class MemoryPurgeQueue : IPurgeQueue
{
    private readonly SortedDictionary<string, PurgeJob> _jobs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AddAsync(PurgeJob job, CancellationToken cancellationToken)
    {
        lock (_jobs) _jobs[job.Id] = job;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PurgeJob>> PendingAsync(CancellationToken cancellationToken)
    {
        lock (_jobs) return Task.FromResult<IReadOnlyList<PurgeJob>>(_jobs.Values.ToArray());
    }

    /// <inheritdoc />
    public Task RemoveAsync(PurgeJob job, CancellationToken cancellationToken)
    {
        lock (_jobs) _jobs.Remove(job.Id);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task FailedRoundAsync(PurgeJob job, CancellationToken cancellationToken)
    {
        lock (_jobs)
        {
            if (_jobs.ContainsKey(job.Id)) _jobs[job.Id] = job with { Rounds = job.Rounds + 1 };
        }

        return Task.CompletedTask;
    }
}
