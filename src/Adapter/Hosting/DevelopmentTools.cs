using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NextRouteHandlers.Hosting;

/// <summary>
/// Whether the development page and the cache activity it shows exist: only when the host's environment is
/// Development. Kestrel runs learn it from <c>ASPNETCORE_ENVIRONMENT</c>/<c>DOTNET_ENVIRONMENT</c>; the isolated worker
/// also from <c>AZURE_FUNCTIONS_ENVIRONMENT</c>, which Core Tools sets to Development for <c>func start</c> and Azure
/// does not set (so a deployed app is Production).
/// </summary>
internal static class DevelopmentTools
{
    /// <summary>True in the Development environment.</summary>
    /// <param name="services">The app's services.</param>
    public static bool AreOn(IServiceProvider services) => services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
}
