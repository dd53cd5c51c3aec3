using Microsoft.Extensions.Hosting;
using NextRouteHandlers.Invocation;

namespace NextRouteHandlers.Hosting;

/// <summary>
/// Drains <c>Next.After</c> work when the app stops: it waits for the work in progress (a request's, which keeps its
/// request open, and a render's, which runs in the background) until the host's shutdown timeout
/// (<see cref="HostOptions.ShutdownTimeout"/>, 30 seconds by default) is over, then cancels the work's token.
/// </summary>
/// <param name="work">The after work of the app.</param>
internal sealed class AfterWorkShutdown(AfterWork work) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => work.DrainAsync(cancellationToken);
}
