using System.Text.Json;

namespace Infra.Tests;

/// <summary>
/// The optional Front Door in front of the app (<c>frontDoorEnabled</c>): off by default and then absent, on it
/// deploys a Standard profile routing to the app, locks the app to that profile, and lets the app purge it and no more.
/// </summary>
[Collection(BicepCollection.Name)]
public class FrontDoorTemplateTests(BicepFixture fixture)
{
    private static readonly string[] FrontDoorTypes =
    [
        "Microsoft.Cdn/profiles",
        "Microsoft.Cdn/profiles/afdEndpoints",
        "Microsoft.Cdn/profiles/originGroups",
        "Microsoft.Cdn/profiles/originGroups/origins",
        "Microsoft.Cdn/profiles/afdEndpoints/routes",
        "Microsoft.Authorization/roleDefinitions",
    ];

    private ArmTemplate Template => fixture.Compiled;

    private ArmResource App => Template.Single("Microsoft.Web/sites");

    private ArmResource Route => Template.Single("Microsoft.Cdn/profiles/afdEndpoints/routes");

    private JsonElement SiteConfig => App.Get("properties", "siteConfig");

    private Dictionary<string, string> AppSettings =>
        SiteConfig.GetProperty("appSettings").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    [Fact]
    public void Front_Door_is_off_unless_asked_for()
    {
        Assert.Equal("bool", Template.Parameter("frontDoorEnabled").GetProperty("type").GetString());
        Assert.False(Template.Parameter("frontDoorEnabled").GetProperty("defaultValue").GetBoolean());
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void Each_Front_Door_resource_is_deployed_exactly_when_it_is_enabled(bool enabled, int count)
    {
        foreach (var type in FrontDoorTypes)
        {
            Assert.True(Template.Deployed(type, enabled).Count == count, $"{type}: expected {count} with frontDoorEnabled={enabled}.");
        }

        Assert.Single(Template.Deployed("Microsoft.Web/sites", enabled));
    }

    [Fact]
    public void The_profile_is_Front_Door_Standard_which_is_global()
    {
        var profile = Template.Single("Microsoft.Cdn/profiles");

        Assert.Equal("Standard_AzureFrontDoor", profile.Get("sku", "name").GetString());
        Assert.Equal("global", profile.Get("location").GetString());
    }

    [Fact]
    public void The_only_origin_is_the_app_by_its_own_host_name_over_https_with_no_health_probe()
    {
        var origin = Template.Single("Microsoft.Cdn/profiles/originGroups/origins");
        var group = Template.Single("Microsoft.Cdn/profiles/originGroups");

        Assert.Contains("Microsoft.Web/sites", origin.Get("properties", "hostName").GetString(), StringComparison.Ordinal);
        Assert.Contains("defaultHostName", origin.Get("properties", "hostName").GetString(), StringComparison.Ordinal);
        Assert.Equal(origin.Get("properties", "hostName").GetString(), origin.Get("properties", "originHostHeader").GetString());
        Assert.True(origin.Get("properties", "enforceCertificateNameCheck").GetBoolean());
        // A probe from every edge would be a billed invocation that also keeps instances from scaling to zero.
        Assert.False(group.Properties.TryGetProperty("healthProbeSettings", out _));
    }

    [Fact]
    public void The_route_sends_everything_to_the_app_over_https_and_keeps_the_query_in_the_cache_key()
    {
        var properties = Route.Properties;
        var cache = Route.Get("properties", "cacheConfiguration");

        Assert.Equal(["/*"], properties.GetProperty("patternsToMatch").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("HttpsOnly", properties.GetProperty("forwardingProtocol").GetString());
        Assert.Equal("Enabled", properties.GetProperty("httpsRedirect").GetString());
        Assert.Equal("UseQueryString", cache.GetProperty("queryStringCachingBehavior").GetString());
        Assert.True(cache.GetProperty("compressionSettings").GetProperty("isCompressionEnabled").GetBoolean());
        Assert.Contains("application/json", cache.GetProperty("compressionSettings").GetProperty("contentTypesToCompress").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void With_Front_Door_the_app_admits_only_its_back_end_carrying_the_profiles_id_and_without_it_everyone()
    {
        var restrictions = SiteConfig.GetProperty("ipSecurityRestrictions").GetString()!;
        var defaultAction = SiteConfig.GetProperty("ipSecurityRestrictionsDefaultAction").GetString();

        // [if(frontDoorEnabled, [the Front Door rule], [])]: the rule when on, none when off.
        Assert.StartsWith("[if(parameters('frontDoorEnabled'), createArray(createObject(", restrictions, StringComparison.Ordinal);
        Assert.EndsWith(", createArray())]", restrictions, StringComparison.Ordinal);
        Assert.Contains("'tag', 'ServiceTag', 'ipAddress', 'AzureFrontDoor.Backend'", restrictions, StringComparison.Ordinal);
        Assert.Contains("'x-azure-fdid', createArray(reference('frontDoor').frontDoorId)", restrictions, StringComparison.Ordinal);
        Assert.Contains("'action', 'Allow'", restrictions, StringComparison.Ordinal);
        Assert.Equal("[if(parameters('frontDoorEnabled'), 'Deny', 'Allow')]", defaultAction);
        // Deployment goes through the scm site, which keeps its own rules.
        Assert.False(SiteConfig.GetProperty("scmIpSecurityRestrictionsUseMain").GetBoolean());
    }

    [Fact]
    public void The_profile_exists_before_the_app_which_reads_its_id_and_the_route_comes_after_the_app()
    {
        var deployments = Template.Deployed("Microsoft.Resources/deployments");
        ArmResource Module(string name) => deployments.Single(d => d.Get("name").GetString()!.StartsWith($"[format('{name}-{{0}}'", StringComparison.Ordinal));
        var profileModule = Module("frontDoorProfile");
        var appModule = Module("functionApp");
        var routeModule = Module("frontDoor");

        Assert.Contains("frontDoorProfile", appModule.Get("dependsOn").ToString(), StringComparison.Ordinal);
        Assert.Contains("functionApp", routeModule.Get("dependsOn").ToString(), StringComparison.Ordinal);
        Assert.Equal("[parameters('frontDoorEnabled')]", profileModule.Get("condition").GetString());
        Assert.Equal("[parameters('frontDoorEnabled')]", routeModule.Get("condition").GetString());
    }

    [Fact]
    public void The_app_settings_turn_on_the_cdn_profile_and_name_the_endpoint_to_purge_only_with_Front_Door()
    {
        var settings = AppSettings;

        Assert.Equal("[string(parameters('frontDoorEnabled'))]", settings["Cache__Cdn__Enabled"]);
        Assert.Equal("[string(parameters('frontDoorMaxSharedAge'))]", settings["Cache__Cdn__MaxSharedAge"]);
        Assert.Equal(
            "[if(parameters('frontDoorEnabled'), resourceId('Microsoft.Cdn/profiles/afdEndpoints', parameters('frontDoorProfileName'), parameters('frontDoorEndpointName')), '')]",
            settings["Cache__Cdn__FrontDoor__EndpointResourceId"]);
        Assert.Equal(300, Template.Parameter("frontDoorMaxSharedAge").GetProperty("defaultValue").GetInt32());
    }

    [Fact]
    public void The_app_may_purge_the_endpoint_and_nothing_more()
    {
        var role = Template.Single("Microsoft.Authorization/roleDefinitions");
        var assignment = Assert.Single(Template.Deployed("Microsoft.Authorization/roleAssignments", frontDoorEnabled: true), a => a.Conditions.Count > 0);
        var permission = Assert.Single(role.Get("properties", "permissions").EnumerateArray());

        Assert.Equal("CustomRole", role.Get("properties", "type").GetString());
        Assert.Equal(
            ["Microsoft.Cdn/operationresults/*", "Microsoft.Cdn/profiles/afdEndpoints/purge/action", "Microsoft.Cdn/profiles/afdEndpoints/read"],
            role.Variable(permission.GetProperty("actions")).EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, permission.GetProperty("notActions").GetArrayLength());
        Assert.Equal("[resourceGroup().id]", Assert.Single(role.Get("properties", "assignableScopes").EnumerateArray()).GetString());
        Assert.Contains("Microsoft.Cdn/profiles/afdEndpoints'", assignment.Get("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Authorization/roleDefinitions'", assignment.Get("properties", "roleDefinitionId").GetString(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", assignment.Get("properties", "principalId").GetString(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", assignment.Get("properties", "principalType").GetString());
    }

    [Fact]
    public void The_public_url_is_the_Front_Door_endpoint_when_it_is_on()
    {
        var url = Template.Root.GetProperty("outputs").GetProperty("appUrl").GetProperty("value").GetString();

        Assert.Equal(
            "[if(parameters('frontDoorEnabled'), format('https://{0}', reference('frontDoor').outputs.hostName.value), format('https://{0}', reference('functionApp').outputs.defaultHostName.value))]",
            url);
    }
}
