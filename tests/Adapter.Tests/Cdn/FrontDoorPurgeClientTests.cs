using System.Net;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Cdn;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Cdn;

/// <summary>The purge client against a local stand-in of the Resource Manager endpoint.</summary>
public sealed class FrontDoorPurgeClientTests : IAsyncLifetime
{
    private const string Endpoint = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Cdn/profiles/afd/afdEndpoints/site";
    private FrontDoorStandIn _frontDoor = null!;
    private readonly TestCredential _credential = new("token-123");

    public async Task InitializeAsync() => _frontDoor = await FrontDoorStandIn.StartAsync();

    public async Task DisposeAsync() => await _frontDoor.DisposeAsync();

    private FrontDoorPurgeClient Client(Action<FrontDoorCdnOptions>? configure = null)
    {
        var options = new FrontDoorCdnOptions { EndpointResourceId = Endpoint, ManagementEndpoint = _frontDoor.BaseAddress, RetryDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 3 };
        configure?.Invoke(options);
        return new FrontDoorPurgeClient(new HttpClient(), _credential, options, TimeProvider.System);
    }

    [Fact]
    public async Task The_request_is_the_documented_one_with_a_resource_manager_token()
    {
        var result = await Client().PurgeAsync(["/blog/*", "/a"], CancellationToken.None);

        var call = Assert.Single(_frontDoor.Calls);
        Assert.Equal(PurgeOutcome.Accepted, result.Outcome);
        Assert.Equal(202, result.Status);
        Assert.NotNull(result.Operation);
        Assert.Equal(Endpoint + "/purge", call.Path);
        Assert.Equal("?api-version=2025-06-01", call.Query);
        Assert.Equal("Bearer token-123", call.Authorization);
        Assert.Equal(["/blog/*", "/a"], call.ContentPaths);
        Assert.Null(call.Domains);
        Assert.Equal(["https://management.azure.com/.default"], _credential.Scopes.Distinct());
    }

    [Fact]
    public async Task Configured_domains_go_with_the_paths()
    {
        await Client(o => o.Domains = ["www.contoso.com"]).PurgeAsync(["/a"], CancellationToken.None);

        Assert.Equal(["www.contoso.com"], Assert.Single(_frontDoor.Calls).Domains);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_tried_again_until_accepted()
    {
        _frontDoor.ThenAnswer(HttpStatusCode.TooManyRequests, retryAfterSeconds: 0);
        _frontDoor.ThenAnswer(HttpStatusCode.ServiceUnavailable);

        var result = await Client().PurgeAsync(["/a"], CancellationToken.None);

        Assert.Equal(PurgeOutcome.Accepted, result.Outcome);
        Assert.Equal(3, _frontDoor.Calls.Count);
    }

    [Fact]
    public async Task A_front_door_that_stays_unavailable_gives_up_after_the_configured_tries()
    {
        for (var i = 0; i < 3; i++) _frontDoor.ThenAnswer(HttpStatusCode.InternalServerError, body: "busy");

        var result = await Client().PurgeAsync(["/a"], CancellationToken.None);

        Assert.Equal(PurgeOutcome.Unavailable, result.Outcome);
        Assert.Equal(500, result.Status);
        Assert.Equal("busy", result.Detail);
        Assert.Equal(3, _frontDoor.Calls.Count);
    }

    [Fact]
    public async Task A_refusal_is_final_and_says_what_front_door_said()
    {
        _frontDoor.ThenAnswer(HttpStatusCode.Forbidden, body: "{\"error\":{\"code\":\"AuthorizationFailed\"}}");

        var result = await Client().PurgeAsync(["/a"], CancellationToken.None);

        Assert.Equal(PurgeOutcome.Rejected, result.Outcome);
        Assert.Equal(403, result.Status);
        Assert.Contains("AuthorizationFailed", result.Detail, StringComparison.Ordinal);
        Assert.Single(_frontDoor.Calls);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_unavailable_not_an_exception()
    {
        var closed = new Uri($"http://127.0.0.1:{FreeTcpPort()}/");

        var result = await Client(o => o.ManagementEndpoint = closed).PurgeAsync(["/a"], CancellationToken.None);

        Assert.Equal(PurgeOutcome.Unavailable, result.Outcome);
        Assert.Null(result.Status);
    }

    [Fact]
    public async Task The_long_running_operation_is_followed_to_its_end()
    {
        var client = Client();
        var accepted = await client.PurgeAsync(["/a"], CancellationToken.None);
        _frontDoor.OperationStatus = "Failed";

        var status = await client.WaitForCompletionAsync(accepted.Operation!, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal("Failed", status);
        Assert.True(_frontDoor.Polls >= 1);
    }

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
