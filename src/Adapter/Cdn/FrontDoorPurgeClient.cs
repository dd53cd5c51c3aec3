using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Core;
using NextRouteHandlers.Caching;

namespace NextRouteHandlers.Cdn;

/// <summary>
/// Azure Front Door's purge API over plain HTTP: <c>POST {endpoint id}/purge?api-version=2025-06-01</c> with
/// <c>{"contentPaths": [...], "domains": [...]}</c> and a Resource Manager token of the app's identity. 429, 5xx and
/// network failures are tried again, after <c>Retry-After</c> when Front Door sends one and with doubling waits when not;
/// other refusals end it. An accepted purge is a long-running operation that <see cref="WaitForCompletionAsync"/> follows.
/// </summary>
internal sealed class FrontDoorPurgeClient
{
    /// <summary>The API version of the purge request (the newest stable one of Microsoft.Cdn).</summary>
    public const string ApiVersion = "2025-06-01";

    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http;
    private readonly TokenCredential _credential;
    private readonly FrontDoorCdnOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _purgeUri;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client (its handler is the app's).</param>
    /// <param name="credential">The identity that purges (it needs the purge action on the endpoint).</param>
    /// <param name="options">The endpoint and the retry settings.</param>
    /// <param name="time">The clock of the waits.</param>
    public FrontDoorPurgeClient(HttpClient http, TokenCredential credential, FrontDoorCdnOptions options, TimeProvider time)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _credential = credential ?? throw new ArgumentNullException(nameof(credential));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        var endpoint = options.EndpointResourceId ?? throw new ArgumentException("Cache:Cdn:FrontDoor:EndpointResourceId is not set.", nameof(options));
        _purgeUri = new Uri(options.ManagementEndpoint, endpoint.TrimEnd('/') + "/purge?api-version=" + ApiVersion);
    }

    /// <summary>Sends one purge request (at most <see cref="PurgePlan.MaxPathsPerRequest"/> paths), trying again while Front Door is unavailable.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="cancellationToken">Stops the tries.</param>
    public async Task<PurgeResult> PurgeAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var body = new FrontDoorPurgeBody(paths, _options.Domains.Count == 0 ? null : _options.Domains.ToArray());
        var delay = _options.RetryDelay;
        PurgeResult last = new(PurgeOutcome.Unavailable, null);
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _purgeUri) { Content = JsonContent.Create(body, CdnJsonContext.Default.FrontDoorPurgeBody) };
                request.Headers.Authorization = await AuthorizationAsync(cancellationToken).ConfigureAwait(false);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode) return new PurgeResult(PurgeOutcome.Accepted, status, OperationOf(response));
                var detail = await DetailAsync(response, cancellationToken).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode)) return new PurgeResult(PurgeOutcome.Rejected, status, Detail: detail);
                last = new PurgeResult(PurgeOutcome.Unavailable, status, Detail: detail);
                retryAfter = RetryAfter(response);
            }
            catch (HttpRequestException failure)
            {
                last = new PurgeResult(PurgeOutcome.Unavailable, null, Detail: failure.Message);
            }
            catch (TaskCanceledException failure) when (!cancellationToken.IsCancellationRequested)
            {
                last = new PurgeResult(PurgeOutcome.Unavailable, null, Detail: "The request timed out: " + failure.Message);
            }

            if (attempt == _options.MaxAttempts) break;
            await Task.Delay(Min(retryAfter ?? delay, LongestRetryDelay), _time, cancellationToken).ConfigureAwait(false);
            delay = Min(delay * 2, LongestRetryDelay);
        }

        return last;
    }

    /// <summary>
    /// Follows an accepted purge's operation until it ends or <paramref name="limit"/> passes, and returns its final
    /// status (<c>Succeeded</c>, <c>Failed</c>, <c>Canceled</c>), or null when it could not be followed.
    /// </summary>
    /// <param name="operation">The operation's URL (<c>Azure-AsyncOperation</c>).</param>
    /// <param name="limit">How long to follow it.</param>
    /// <param name="cancellationToken">Stops following.</param>
    public async Task<string?> WaitForCompletionAsync(Uri operation, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var until = _time.GetUtcNow() + limit;
        while (_time.GetUtcNow() < until)
        {
            TimeSpan? retryAfter;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, operation);
                request.Headers.Authorization = await AuthorizationAsync(cancellationToken).ConfigureAwait(false);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound) return null;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var document = await response.Content.ReadFromJsonAsync(CdnJsonContext.Default.FrontDoorOperationStatus, cancellationToken).ConfigureAwait(false);
                    if (document?.Status is "Succeeded" or "Failed" or "Canceled") return document.Status;
                }

                retryAfter = RetryAfter(response);
            }
            catch (HttpRequestException)
            {
                retryAfter = null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }

            await Task.Delay(Min(retryAfter ?? DefaultPollInterval, LongestRetryDelay), _time, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private async Task<AuthenticationHeaderValue> AuthorizationAsync(CancellationToken cancellationToken)
    {
        var token = await _credential.GetTokenAsync(new TokenRequestContext([_options.TokenScope]), cancellationToken).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token.Token);
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date > _time.GetUtcNow() ? date - _time.GetUtcNow() : TimeSpan.Zero;
        return null;
    }

    private static Uri? OperationOf(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Accepted) return null;
        return response.Headers.TryGetValues("Azure-AsyncOperation", out var values) && Uri.TryCreate(values.FirstOrDefault(), UriKind.Absolute, out var uri)
            ? uri
            : response.Headers.Location;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return text.Length <= 500 ? text : text[..500];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
