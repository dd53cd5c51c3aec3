using System.Text.Json;

namespace Infra.Tests;

/// <summary>What the compiled ARM template deploys: identity-only access, Flex Consumption in either hosting mode, least privilege.</summary>
[Collection(BicepCollection.Name)]
public class TemplateTests(BicepFixture fixture)
{
    private const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private ArmTemplate Template => fixture.Compiled;

    private ArmResource App => Template.Single("Microsoft.Web/sites");

    private Dictionary<string, string> AppSettings =>
        App.Get("properties", "siteConfig", "appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    [Fact]
    public void Storage_accepts_only_Entra_ID_over_TLS_1_2_and_never_public_blob_access()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("StorageV2", storage.Get("kind").GetString());
        Assert.False(storage.Get("properties", "allowSharedKeyAccess").GetBoolean());
        Assert.False(storage.Get("properties", "allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", storage.Get("properties", "minimumTlsVersion").GetString());
        Assert.True(storage.Get("properties", "supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public void Storage_has_private_containers_for_the_package_and_the_cache_and_no_tables()
    {
        var containers = Template.Deployed("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", c.Get("properties", "publicAccess").GetString()));
        Assert.Empty(Template.Deployed("Microsoft.Storage/storageAccounts/tableServices/tables"));
        Assert.Equal("isr-cache", Template.Parameter("cacheContainerName").GetProperty("defaultValue").GetString());
        Assert.True(Template.Parameter("deploymentContainerName").TryGetProperty("defaultValue", out _));
    }

    [Fact]
    public void The_plan_is_Flex_Consumption_on_Linux()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Get("sku", "name").GetString());
        Assert.Equal("FlexConsumption", plan.Get("sku", "tier").GetString());
        Assert.True(plan.Get("properties", "reserved").GetBoolean());
    }

    [Fact]
    public void The_app_runs_on_Linux_over_HTTPS_only()
    {
        Assert.Equal("functionapp,linux", App.Get("kind").GetString());
        Assert.True(App.Get("properties", "httpsOnly").GetBoolean());
        Assert.Equal("1.2", App.Get("properties", "siteConfig", "minTlsVersion").GetString());
        Assert.Equal("Disabled", App.Get("properties", "siteConfig", "ftpsState").GetString());
        Assert.Contains("Microsoft.Web/serverfarms", App.Get("properties", "serverFarmId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_hosting_mode_is_the_isolated_worker_unless_the_custom_handler_is_chosen()
    {
        var parameter = Template.Parameter("hostingMode");

        Assert.Equal("isolatedWorker", parameter.GetProperty("defaultValue").GetString());
        Assert.Equal(["isolatedWorker", "customHandler"], parameter.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["isolatedWorker", "customHandler"], App.TemplateParameter("hostingMode").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        var module = Template.Deployed("Microsoft.Resources/deployments").Single(d => d.Get("properties", "parameters").TryGetProperty("hostingMode", out _));
        Assert.Equal("[parameters('hostingMode')]", module.Get("properties", "parameters", "hostingMode", "value").GetString());
    }

    [Theory]
    [InlineData("isolatedWorker", "dotnet-isolated", "10.0")]
    [InlineData("customHandler", "custom", "1.0")]
    public void Each_hosting_mode_runs_on_its_flex_consumption_runtime(string hostingMode, string name, string version)
    {
        // Bicep accepts any runtime name; a wrong one fails only when deploying.
        Assert.Equal("[variables('runtimes')[parameters('hostingMode')]]", App.Get("properties", "functionAppConfig", "runtime").GetString());
        var runtime = App.Template.GetProperty("variables").GetProperty("runtimes").GetProperty(hostingMode);

        Assert.Equal(name, runtime.GetProperty("name").GetString());
        Assert.Equal(version, runtime.GetProperty("version").GetString());
    }

    [Fact]
    public void The_app_runs_as_the_user_assigned_identity_which_also_reads_the_deployment_package()
    {
        var identity = App.Get("identity");
        var storage = App.Get("properties", "functionAppConfig", "deployment", "storage");
        var authentication = storage.GetProperty("authentication");

        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        var attached = Assert.Single(identity.GetProperty("userAssignedIdentities").EnumerateObject()).Name;
        Assert.Contains(IdentityType, attached, StringComparison.Ordinal);
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Contains("primaryEndpoints.blob", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("deploymentContainerName", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", authentication.GetProperty("type").GetString());
        var identityId = authentication.GetProperty("userAssignedIdentityResourceId").GetString()!;
        Assert.Contains(IdentityType, identityId, StringComparison.Ordinal);
        Assert.Contains(identityId.Trim('[', ']'), attached, StringComparison.Ordinal);
        Assert.Single(Template.Deployed(IdentityType));
    }

    [Fact]
    public void Scale_settings_are_parameters_with_Flex_memory_sizes_and_no_always_ready_instances_by_default()
    {
        var scale = App.Get("properties", "functionAppConfig", "scaleAndConcurrency");

        Assert.Equal("[parameters('maximumInstanceCount')]", scale.GetProperty("maximumInstanceCount").GetString());
        Assert.Equal("[parameters('instanceMemoryMB')]", scale.GetProperty("instanceMemoryMB").GetString());
        Assert.Equal("[parameters('alwaysReady')]", scale.GetProperty("alwaysReady").GetString());
        Assert.Equal([2048, 4096], Template.Parameter("instanceMemoryMB").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(0, Template.Parameter("alwaysReady").GetProperty("defaultValue").GetArrayLength());
    }

    [Fact]
    public void Host_storage_and_telemetry_use_the_identity_and_no_setting_holds_a_key()
    {
        var settings = AppSettings;

        Assert.Contains("storageAccountName", settings["AzureWebJobsStorage__accountName"], StringComparison.Ordinal);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains(".clientId", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.Contains(".clientId", settings["AZURE_CLIENT_ID"], StringComparison.Ordinal);
        Assert.Contains("ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD'", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Equal("true", settings["AzureWebJobsDisableHomepage"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        // Flex Consumption takes these from functionAppConfig and rejects them as settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);
        foreach (var (name, value) in settings)
        {
            Assert.False(value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase), $"{name} holds an account key: {value}");
            Assert.False(value.Contains("listKeys", StringComparison.OrdinalIgnoreCase), $"{name} reads account keys: {value}");
        }
    }

    [Fact]
    public void The_whole_template_reads_no_keys()
    {
        Assert.DoesNotContain("listKeys", Template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", Template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey=", Template.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_response_cache_settings_point_at_the_account_endpoints_and_the_cache_container()
    {
        var settings = AppSettings;

        Assert.Equal("AzureBlob", settings["Cache__Store"]);
        Assert.Contains("primaryEndpoints.blob", settings["Cache__AzureBlob__ServiceUri"], StringComparison.Ordinal);
        Assert.DoesNotContain(settings.Keys, k => k.Contains("Table", StringComparison.Ordinal));
        Assert.Equal("[parameters('cacheContainerName')]", settings["Cache__AzureBlob__Container"]);
        Assert.DoesNotContain("Cache__AzureBlob__ConnectionString", settings.Keys);
    }

    [Fact]
    public void The_revalidation_secret_is_a_secure_parameter_without_a_default_and_is_never_output()
    {
        var settings = AppSettings;
        var inMain = Template.Parameter("revalidateSecret");
        var inModule = App.TemplateParameter("revalidateSecret");

        Assert.Equal("[parameters('revalidateSecret')]", settings["Cache__RevalidateSecret"]);
        Assert.Equal("securestring", inMain.GetProperty("type").GetString());
        Assert.Equal("securestring", inModule.GetProperty("type").GetString());
        Assert.False(inMain.TryGetProperty("defaultValue", out _));
        Assert.False(inModule.TryGetProperty("defaultValue", out _));
        Assert.DoesNotContain("revalidateSecret", Template.Root.GetProperty("outputs").GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Application_Insights_is_workspace_based_and_accepts_only_Entra_ID()
    {
        var insights = Template.Single("Microsoft.Insights/components");

        Assert.True(insights.Get("properties", "DisableLocalAuth").GetBoolean());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Get("properties", "WorkspaceResourceId").GetString(), StringComparison.Ordinal);
        Assert.Single(Template.Deployed("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void Without_Front_Door_the_identity_gets_exactly_the_three_roles_it_needs_each_on_its_resource()
    {
        var assignments = Template.Deployed("Microsoft.Authorization/roleAssignments", frontDoorEnabled: false)
            .Select(a => (Role: a.Resolve(a.Get("properties", "roleDefinitionId")), Scope: a.Get("scope").GetString()!, a))
            .ToArray();

        Assert.Equal(3, assignments.Length);
        Assert.All(assignments, a =>
        {
            Assert.Contains("subscriptionResourceId('Microsoft.Authorization/roleDefinitions'", a.Role, StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", a.a.Get("properties", "principalType").GetString());
            Assert.Contains(IdentityType, a.a.Get("properties", "principalId").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains("Microsoft.Storage/storageAccounts'", Assert.Single(assignments, a => a.Role.Contains(StorageBlobDataOwner, StringComparison.Ordinal)).Scope, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Storage/storageAccounts'", Assert.Single(assignments, a => a.Role.Contains(StorageTableDataContributor, StringComparison.Ordinal)).Scope, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/components'", Assert.Single(assignments, a => a.Role.Contains(MonitoringMetricsPublisher, StringComparison.Ordinal)).Scope, StringComparison.Ordinal);
        // Owner already grants everything Contributor does: holding both would be redundant.
        Assert.DoesNotContain(assignments, a => a.Role.Contains(StorageBlobDataContributor, StringComparison.Ordinal));
    }

    [Fact]
    public void Outputs_give_the_URL_the_app_name_and_the_deployment_container()
    {
        var outputs = Template.Root.GetProperty("outputs");

        Assert.Contains("format('https://{0}', reference('functionApp').outputs.defaultHostName.value)", outputs.GetProperty("appUrl").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("defaultHostName", outputs.GetProperty("appUrl").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("outputs.name", outputs.GetProperty("appName").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("deploymentContainerName", outputs.GetProperty("deploymentContainerName").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.All(outputs.EnumerateObject(), o => Assert.NotEqual("securestring", o.Value.GetProperty("type").GetString()));
    }

    [Fact]
    public void Every_resource_uses_the_API_versions_checked_for_this_project()
    {
        var expected = new Dictionary<string, string>
        {
            ["Microsoft.Web/sites"] = "2025-03-01",
            ["Microsoft.Web/serverfarms"] = "2025-03-01",
            ["Microsoft.Storage/storageAccounts"] = "2025-06-01",
            ["Microsoft.OperationalInsights/workspaces"] = "2025-07-01",
            ["Microsoft.Insights/components"] = "2020-02-02",
            [IdentityType] = "2024-11-30",
            ["Microsoft.Cdn/profiles"] = "2025-06-01",
            ["Microsoft.Cdn/profiles/afdEndpoints"] = "2025-06-01",
            ["Microsoft.Cdn/profiles/afdEndpoints/routes"] = "2025-06-01",
            ["Microsoft.Cdn/profiles/originGroups"] = "2025-06-01",
            ["Microsoft.Cdn/profiles/originGroups/origins"] = "2025-06-01",
            ["Microsoft.Authorization/roleDefinitions"] = "2022-04-01",
        };

        foreach (var resource in Template.Resources.Where(r => expected.ContainsKey(r.Type)))
        {
            Assert.Equal(expected[resource.Type], resource.Get("apiVersion").GetString());
        }
    }
}
