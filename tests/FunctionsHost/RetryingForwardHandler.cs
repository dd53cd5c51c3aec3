namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>
/// Retries a forwarded request whose connection to the worker failed, as the host does (10 attempts, 50 ms doubling
/// to at most 250 ms apart): the worker answers the host's gRPC start-up before its Kestrel listens, so the first
/// requests after a start can find nothing there yet.
/// </summary>
internal sealed class RetryingForwardHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const int MaxAttempts = 10;
    private const int FirstDelayMilliseconds = 50;
    private const int LongestDelayMilliseconds = 250;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var delay = FirstDelayMilliseconds;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = Math.Min(delay * 2, LongestDelayMilliseconds);
            }
        }
    }
}
