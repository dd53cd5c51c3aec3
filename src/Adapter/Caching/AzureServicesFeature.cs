using System.Diagnostics.CodeAnalysis;

namespace NextRouteHandlers.Caching;

/// <summary>
/// The feature switch that leaves the Azure service clients out of an app: the <c>AzureBlob</c> cache store and Front
/// Door purging, with the Azure SDK they bring (Azure.Core, Azure.Identity, MSAL, Azure.Storage.Blobs). An app sets it
/// with the MSBuild property <c>RouteHandlersAzureServices=false</c>. In a trimmed or Native AOT build the trimmer
/// then treats <see cref="IsSupported"/> as false and removes the code behind it, which makes the executable about half
/// as big and its start correspondingly cheaper; in any other build the switch only makes that configuration an error.
/// </summary>
internal static class AzureServicesFeature
{
    /// <summary>The runtime configuration switch the MSBuild property sets (<c>runtimeconfig.json</c>, <see cref="AppContext"/>).</summary>
    public const string SwitchName = "NextRouteHandlers.AzureServices.IsSupported";

    /// <summary>False in an app built with <c>RouteHandlersAzureServices=false</c>; true otherwise.</summary>
    [FeatureSwitchDefinition(SwitchName)]
    public static bool IsSupported => !AppContext.TryGetSwitch(SwitchName, out var supported) || supported;

    /// <summary>The blob store's setting, as <see cref="Excluded"/> names it.</summary>
    public const string BlobStoreSetting = "Cache:Store is AzureBlob";

    /// <summary>Front Door purging's setting, as <see cref="Excluded"/> names it.</summary>
    public const string FrontDoorSetting = "Cache:Cdn:FrontDoor:EndpointResourceId is set";

    /// <summary>Why a setting that needs the Azure service clients cannot be honoured by an app built without them.</summary>
    /// <param name="setting">The setting (<see cref="BlobStoreSetting"/>, <see cref="FrontDoorSetting"/>).</param>
    public static string Excluded(string setting) =>
        $"{setting}, but this app was built with RouteHandlersAzureServices=false, which leaves the Azure service clients out of it. "
        + "Remove that property from the project file, or configure the app without Azure Blob Storage and Front Door purging.";
}
