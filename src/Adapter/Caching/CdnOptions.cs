namespace NextRouteHandlers.Caching;

/// <summary>
/// How the app behaves behind a CDN such as Azure Front Door (<c>Cache:Cdn</c>; docs/cdn.md). Off by default, and
/// then every response's headers are exactly Next.js's.
/// </summary>
public sealed class CdnOptions
{
    /// <summary>
    /// Turns on the CDN header profile: every response gets an explicit <c>Cache-Control</c>, a shared cache may keep
    /// none longer than <see cref="MaxSharedAge"/>, and responses that vary by request header or set cookies are
    /// private. False by default.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The longest time, in seconds, a shared cache may keep a response (the cap on <c>s-maxage</c>); also how long the
    /// edge can lag behind a revalidation its purge has not reached. 300 by default.
    /// </summary>
    public int MaxSharedAge { get; set; } = 300;

    /// <summary>Purging Azure Front Door when routes are revalidated; off while <see cref="FrontDoorCdnOptions.EndpointResourceId"/> is unset.</summary>
    public FrontDoorCdnOptions FrontDoor { get; set; } = new();
}

/// <summary>The Azure Front Door endpoint that <c>RevalidatePath</c> and <c>RevalidateTag</c> purge (<c>Cache:Cdn:FrontDoor</c>).</summary>
public sealed class FrontDoorCdnOptions
{
    /// <summary>
    /// The endpoint's resource id,
    /// <c>/subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Cdn/profiles/{profile}/afdEndpoints/{endpoint}</c>;
    /// unset (the default) purges nothing. Set by <c>infra/main.bicep</c> with <c>frontDoorEnabled</c>.
    /// </summary>
    public string? EndpointResourceId { get; set; }

    /// <summary>The domains to purge (custom domains of the endpoint); empty, the default, lets Front Door purge the endpoint's own.</summary>
    public IList<string> Domains { get; set; } = [];

    /// <summary>The Azure Resource Manager endpoint; <c>https://management.azure.com/</c> by default (another cloud's, or a local stand-in in tests).</summary>
    public Uri ManagementEndpoint { get; set; } = new("https://management.azure.com/");

    /// <summary>The token scope of Resource Manager; <c>https://management.azure.com/.default</c> by default.</summary>
    public string TokenScope { get; set; } = "https://management.azure.com/.default";

    /// <summary>
    /// How long purges wait after a revalidation before they are sent, so that revalidations close together, on any
    /// instance, go out as one request. Two seconds by default.
    /// </summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often an instance looks for purges another instance left unsent (it stopped, or Front Door kept refusing). One minute by default.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tries of one purge request when Front Door answers 429 or 5xx or cannot be reached, before it is left for the next sweep. Five by default.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first wait between tries when Front Door sends no <c>Retry-After</c>; it doubles each try, up to a minute. Two seconds by default.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>True when purging is configured.</summary>
    internal bool IsConfigured => !string.IsNullOrWhiteSpace(EndpointResourceId);
}
