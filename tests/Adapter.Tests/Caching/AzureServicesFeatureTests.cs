using NextRouteHandlers.Caching;

namespace NextRouteHandlers.Tests.Caching;

/// <summary>
/// An app built with <c>RouteHandlersAzureServices=false</c> has no Azure service clients: asking for the blob store or
/// Front Door purging stops it at start with a message naming the setting and the property; everything else is valid.
/// </summary>
public class AzureServicesFeatureTests
{
    private const string Endpoint = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Cdn/profiles/afd/afdEndpoints/site";

    private static CacheOptions BlobStore() => new()
    {
        Store = CacheStoreKind.AzureBlob,
        AzureBlob = { ConnectionString = "UseDevelopmentStorage=true" },
    };

    private static CacheOptions FrontDoor() => new()
    {
        Store = CacheStoreKind.Memory,
        Cdn = { Enabled = true, FrontDoor = { EndpointResourceId = Endpoint } },
    };

    private static IReadOnlyList<string> Failures(CacheOptions options, bool azureServices) =>
        new CacheOptionsValidator { AzureServicesSupported = azureServices }.Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void Without_the_switch_the_tests_run_with_the_Azure_services_and_both_setups_are_valid()
    {
        Assert.True(AzureServicesFeature.IsSupported);
        Assert.Empty(Failures(BlobStore(), azureServices: true));
        Assert.Empty(Failures(FrontDoor(), azureServices: true));
    }

    [Fact]
    public void The_blob_store_in_an_app_built_without_them_is_refused_naming_the_setting_and_the_property()
    {
        var failure = Assert.Single(Failures(BlobStore(), azureServices: false));

        Assert.StartsWith("Cache:Store is AzureBlob, but this app was built with RouteHandlersAzureServices=false", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_door_purging_in_an_app_built_without_them_is_refused_naming_the_setting_and_the_property()
    {
        var failure = Assert.Single(Failures(FrontDoor(), azureServices: false));

        Assert.StartsWith("Cache:Cdn:FrontDoor:EndpointResourceId is set, but this app was built with RouteHandlersAzureServices=false", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CacheStoreKind.FileSystem)]
    [InlineData(CacheStoreKind.Memory)]
    public void The_local_stores_need_no_Azure_services(CacheStoreKind store)
    {
        Assert.Empty(Failures(new CacheOptions { Store = store, Cdn = { Enabled = true } }, azureServices: false));
    }
}
