using Microsoft.Extensions.Hosting;

namespace NextRouteHandlers.Cdn;

/// <summary>
/// The app's CDN purge, when <c>Cache:Cdn:FrontDoor:EndpointResourceId</c> configures one: what the pipeline tells
/// about revalidations and served paths, and the hosted service that runs the <see cref="CdnPurger"/>. Without a
/// configured endpoint <see cref="Purger"/> is null and nothing runs.
/// </summary>
internal sealed class CdnPurging(CdnPurger? purger) : IHostedService, IDisposable
{
    /// <summary>The purger, or null when no Front Door endpoint is configured.</summary>
    public CdnPurger? Purger { get; } = purger;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Purger?.StartAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Purger?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => Purger?.Dispose();
}
