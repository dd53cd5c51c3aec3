using NextRouteHandlers.Caching;

namespace NextRouteHandlers.Tests.Caching;

/// <summary>Bad <c>Cache:Cdn</c> values stop the app at startup with a message naming the key.</summary>
public class CdnOptionsValidationTests
{
    private const string Endpoint = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Cdn/profiles/afd/afdEndpoints/site";

    private static IReadOnlyList<string> Failures(Action<CdnOptions> configure)
    {
        var options = new CacheOptions { Store = CacheStoreKind.Memory };
        configure(options.Cdn);
        var result = new CacheOptionsValidator().Validate(null, options);
        return result.Failures?.ToArray() ?? [];
    }

    [Fact]
    public void The_defaults_and_a_complete_front_door_setup_are_valid()
    {
        Assert.Empty(Failures(_ => { }));
        Assert.Empty(Failures(cdn =>
        {
            cdn.Enabled = true;
            cdn.FrontDoor.EndpointResourceId = Endpoint;
            cdn.FrontDoor.Domains = ["www.contoso.com"];
        }));
    }

    [Fact]
    public void An_empty_endpoint_id_as_infra_sets_it_without_front_door_means_no_purge()
    {
        Assert.Empty(Failures(cdn => cdn.FrontDoor.EndpointResourceId = ""));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void The_cap_must_be_positive(int seconds)
    {
        Assert.Contains(Failures(cdn => cdn.MaxSharedAge = seconds), f => f.Contains("Cache:Cdn:MaxSharedAge", StringComparison.Ordinal));
    }

    [Fact]
    public void Purging_without_the_header_profile_is_refused()
    {
        Assert.Contains(Failures(cdn => cdn.FrontDoor.EndpointResourceId = Endpoint), f => f.Contains("Cache:Cdn:Enabled", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("afd-endpoint")]
    [InlineData("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Cdn/profiles/afd")]
    [InlineData("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/app")]
    public void An_endpoint_id_that_is_not_a_front_door_endpoint_is_refused(string id)
    {
        Assert.Contains(Failures(cdn =>
        {
            cdn.Enabled = true;
            cdn.FrontDoor.EndpointResourceId = id;
        }), f => f.Contains("Cache:Cdn:FrontDoor:EndpointResourceId", StringComparison.Ordinal) && f.Contains(id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("*.contoso.com")]
    [InlineData("contoso.com/path")]
    [InlineData(" ")]
    public void A_domain_front_door_cannot_purge_is_refused(string domain)
    {
        Assert.Contains(Failures(cdn =>
        {
            cdn.Enabled = true;
            cdn.FrontDoor.EndpointResourceId = Endpoint;
            cdn.FrontDoor.Domains = [domain];
        }), f => f.Contains("Cache:Cdn:FrontDoor:Domains", StringComparison.Ordinal));
    }

    [Fact]
    public void Retry_settings_out_of_range_are_refused()
    {
        var failures = Failures(cdn =>
        {
            cdn.Enabled = true;
            cdn.FrontDoor.EndpointResourceId = Endpoint;
            cdn.FrontDoor.MaxAttempts = 0;
            cdn.FrontDoor.SweepInterval = TimeSpan.Zero;
            cdn.FrontDoor.BatchDelay = TimeSpan.FromSeconds(-1);
        });

        Assert.Contains(failures, f => f.Contains("MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("SweepInterval", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("BatchDelay", StringComparison.Ordinal));
    }
}
