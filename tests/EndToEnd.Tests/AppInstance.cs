namespace NextRouteHandlers.EndToEnd.Tests;

/// <summary>One running instance of an app, however it was started: where to send requests and what it logged.</summary>
/// <param name="Client">A client of the instance (directly, or through the host in front of it).</param>
/// <param name="Output">Reads what the instance has logged so far.</param>
/// <param name="Owner">What stops the instance when disposed.</param>
public sealed record AppInstance(HttpClient Client, Func<string> Output, IAsyncDisposable Owner) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
