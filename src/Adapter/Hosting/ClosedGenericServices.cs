using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NextRouteHandlers.Hosting;

/// <summary>
/// Closed registrations of the options and logger services the library resolves at start. The container answers
/// <c>IOptions&lt;T&gt;</c> and <c>ILogger&lt;T&gt;</c> from open generic registrations by making the closed type at run
/// time; under Native AOT that type is built by the runtime's type loader, with the arrays of its
/// <c>IEnumerable&lt;IConfigureOptions&lt;T&gt;&gt;</c> dependencies, which was about half of what the library added to
/// the start of an app. A closed registration wins over the open one and is compiled ahead of time; it resolves the
/// same configure, post-configure and validate steps, so <c>services.Configure&lt;T&gt;</c> works as before.
/// </summary>
internal static class ClosedGenericServices
{
    /// <summary>Registers <c>IOptions&lt;T&gt;</c>, <c>IOptionsMonitor&lt;T&gt;</c> and their factory and cache for <typeparamref name="T"/>.</summary>
    public static void AddOptionsOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceCollection services)
        where T : class
    {
        services.TryAddSingleton<IOptionsFactory<T>>(static sp => new OptionsFactory<T>(
            sp.GetServices<IConfigureOptions<T>>(), sp.GetServices<IPostConfigureOptions<T>>(), sp.GetServices<IValidateOptions<T>>()));
        services.TryAddSingleton<IOptionsMonitorCache<T>>(static _ => new OptionsCache<T>());
        services.TryAddSingleton<IOptions<T>>(static sp => new OptionsManager<T>(sp.GetRequiredService<IOptionsFactory<T>>()));
        services.TryAddSingleton<IOptionsMonitor<T>>(static sp => new OptionsMonitor<T>(
            sp.GetRequiredService<IOptionsFactory<T>>(), sp.GetServices<IOptionsChangeTokenSource<T>>(), sp.GetRequiredService<IOptionsMonitorCache<T>>()));
    }

    /// <summary>Registers <c>ILogger&lt;T&gt;</c> for <typeparamref name="T"/>: the same category, made by the app's logger factory.</summary>
    public static void AddLoggerOf<T>(IServiceCollection services) =>
        services.TryAddSingleton<ILogger<T>>(static sp => sp.GetRequiredService<ILoggerFactory>().CreateLogger<T>());
}
