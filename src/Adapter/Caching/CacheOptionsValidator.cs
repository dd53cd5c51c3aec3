using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NextRouteHandlers.Caching;

/// <summary>Checks the cache options at startup: a bad value stops the app with a message naming the key.</summary>
internal sealed partial class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    /// <summary>Whether the app was built with the Azure service clients (<see cref="AzureServicesFeature"/>); settable for tests.</summary>
    internal bool AzureServicesSupported { get; init; } = AzureServicesFeature.IsSupported;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Store)) failures.Add($"Cache:Store must be FileSystem, Memory or AzureBlob, not '{options.Store}'.");
        if (options.ExpireTime <= 0) failures.Add($"Cache:ExpireTime must be a positive number of seconds, not {options.ExpireTime}.");
        if (options.TagRefreshInterval < TimeSpan.Zero) failures.Add("Cache:TagRefreshInterval may not be negative.");
        if (options.StoreTimeout <= TimeSpan.Zero) failures.Add("Cache:StoreTimeout must be positive.");
        if (options.RetryAfterFailure < TimeSpan.Zero) failures.Add("Cache:RetryAfterFailure may not be negative.");
        if (options.RegenerationPollInterval <= TimeSpan.Zero) failures.Add("Cache:RegenerationPollInterval must be positive.");
        if (options.RegenerationWaitLimit < TimeSpan.Zero) failures.Add("Cache:RegenerationWaitLimit may not be negative.");
        if (options.Memory.SizeLimitBytes <= 0) failures.Add("Cache:Memory:SizeLimitBytes must be positive.");
        if (options.BuildId is { } buildId && (buildId.Length is 0 or > 64 || !BuildIdPattern().IsMatch(buildId))) failures.Add("Cache:BuildId may hold 1 to 64 letters, digits, '-', '_' and '.'.");
        if (options.RevalidateSecret is { Length: > 0 and < 16 }) failures.Add("Cache:RevalidateSecret must be at least 16 characters long.");
        if (options.DraftModeSecret is { Length: > 0 and < 16 }) failures.Add("Cache:DraftModeSecret must be at least 16 characters long.");
        if (options.Store == CacheStoreKind.AzureBlob)
        {
            if (!AzureServicesSupported) failures.Add(AzureServicesFeature.Excluded(AzureServicesFeature.BlobStoreSetting));
            var blob = options.AzureBlob;
            if (string.IsNullOrWhiteSpace(blob.ConnectionString) && blob.ServiceUri is null) failures.Add("Cache:AzureBlob:ConnectionString or Cache:AzureBlob:ServiceUri is required when Cache:Store is AzureBlob.");
            if (blob.ServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http"))) failures.Add("Cache:AzureBlob:ServiceUri must be an absolute http(s) URL.");
            if (!ContainerPattern().IsMatch(blob.Container ?? string.Empty)) failures.Add($"Cache:AzureBlob:Container '{blob.Container}' is not a valid container name (3-63 lower-case letters, digits and single hyphens).");
        }

        ValidateCdn(options.Cdn, failures);
        if (options.Cdn.FrontDoor.IsConfigured && !AzureServicesSupported) failures.Add(AzureServicesFeature.Excluded(AzureServicesFeature.FrontDoorSetting));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCdn(CdnOptions cdn, List<string> failures)
    {
        if (cdn.MaxSharedAge <= 0) failures.Add($"Cache:Cdn:MaxSharedAge must be a positive number of seconds, not {cdn.MaxSharedAge}.");
        var frontDoor = cdn.FrontDoor;
        if (!frontDoor.IsConfigured) return;
        if (!cdn.Enabled) failures.Add("Cache:Cdn:FrontDoor:EndpointResourceId is set but Cache:Cdn:Enabled is not: purging needs the CDN header profile (set Cache:Cdn:Enabled to true).");
        if (!EndpointIdPattern().IsMatch(frontDoor.EndpointResourceId!))
        {
            failures.Add($"Cache:Cdn:FrontDoor:EndpointResourceId '{frontDoor.EndpointResourceId}' is not a Front Door endpoint id (/subscriptions/{{id}}/resourceGroups/{{group}}/providers/Microsoft.Cdn/profiles/{{profile}}/afdEndpoints/{{endpoint}}).");
        }

        if (frontDoor.ManagementEndpoint is not { IsAbsoluteUri: true, Scheme: "https" or "http" }) failures.Add("Cache:Cdn:FrontDoor:ManagementEndpoint must be an absolute http(s) URL.");
        if (string.IsNullOrWhiteSpace(frontDoor.TokenScope)) failures.Add("Cache:Cdn:FrontDoor:TokenScope may not be empty.");
        if (frontDoor.BatchDelay < TimeSpan.Zero) failures.Add("Cache:Cdn:FrontDoor:BatchDelay may not be negative.");
        if (frontDoor.SweepInterval <= TimeSpan.Zero) failures.Add("Cache:Cdn:FrontDoor:SweepInterval must be positive.");
        if (frontDoor.MaxAttempts < 1) failures.Add("Cache:Cdn:FrontDoor:MaxAttempts must be at least 1.");
        if (frontDoor.RetryDelay < TimeSpan.Zero) failures.Add("Cache:Cdn:FrontDoor:RetryDelay may not be negative.");
        foreach (var domain in frontDoor.Domains)
        {
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains('/') || domain.StartsWith('*')) failures.Add($"Cache:Cdn:FrontDoor:Domains holds '{domain}', which is not a host name (Front Door cannot purge wildcard domains).");
        }
    }

    [GeneratedRegex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Cdn/profiles/[^/]+/afdEndpoints/[^/]+$", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointIdPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex BuildIdPattern();

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerPattern();
}
