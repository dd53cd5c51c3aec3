using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Testing;

using NextRouteHandlers.Tests.Caching;

namespace NextRouteHandlers.Tests.Hosting;

public class CacheServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("Cache:Store", "Disk", "Cache:Store")]
    [InlineData("Cache:ExpireTime", "-5", "Cache:ExpireTime")]
    [InlineData("Cache:RevalidateSecret", "short", "Cache:RevalidateSecret")]
    [InlineData("Cache:BuildId", "has spaces", "Cache:BuildId")]
    [InlineData("Cache:Memory:SizeLimitBytes", "0", "Cache:Memory:SizeLimitBytes")]
    public async Task A_bad_value_stops_startup_with_a_message_naming_the_key(string key, string value, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackApp.StartAsync([Routes.Get("/x", _ => new NextRouteHandlers.Http.Response("x"))], configuration: new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_blob_needs_a_connection_string_or_a_service_url_and_valid_names()
    {
        var result = new CacheOptionsValidator().Validate(null, new CacheOptions
        {
            Store = CacheStoreKind.AzureBlob,
            AzureBlob = new AzureBlobStoreOptions { Container = "Bad_Name" },
        });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Cache:AzureBlob:ConnectionString or Cache:AzureBlob:ServiceUri", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Cache:AzureBlob:Container", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.True(new CacheOptionsValidator().Validate(null, new CacheOptions()).Succeeded);
}
