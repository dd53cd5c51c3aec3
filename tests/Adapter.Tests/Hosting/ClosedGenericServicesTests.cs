using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Proxy;

namespace NextRouteHandlers.Tests.Hosting;

/// <summary>
/// The library's options and loggers are registered closed (compiled ahead of time under Native AOT) and behave as
/// the options pattern does: configuration, then <c>Configure</c> in code, then post-configuration and validation.
/// </summary>
public class ClosedGenericServicesTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddRouteHandlers(new RouteManifest([]));
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_options_resolve_from_the_closed_registrations_with_configuration_then_code_applied()
    {
        using var provider = Build(new() { ["Cache:BuildId"] = "from-config", ["Cache:Store"] = "Memory" }, s => s.Configure<CacheOptions>(o => o.TagRefreshInterval = TimeSpan.FromSeconds(7)));

        var options = provider.GetRequiredService<IOptions<CacheOptions>>();

        Assert.IsType<OptionsManager<CacheOptions>>(options);
        Assert.Equal("from-config", options.Value.BuildId);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Value.TagRefreshInterval);
        Assert.Same(options.Value, provider.GetRequiredService<IOptions<CacheOptions>>().Value);
        Assert.Equal("from-config", provider.GetRequiredService<IOptionsMonitor<CacheOptions>>().CurrentValue.BuildId);
        Assert.IsType<OptionsManager<NextConfig>>(provider.GetRequiredService<IOptions<NextConfig>>());
        Assert.IsType<OptionsManager<RouteHandlerOptions>>(provider.GetRequiredService<IOptions<RouteHandlerOptions>>());
    }

    [Fact]
    public void Validation_still_runs_through_the_closed_factory()
    {
        using var provider = Build(new() { ["Cache:BuildId"] = "has spaces" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CacheOptions>>().Value);

        Assert.Contains("Cache:BuildId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_loggers_keep_their_type_name_as_category()
    {
        var categories = new List<string>();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<ILoggerFactory>(new RecordingLoggerFactory(categories));
        services.AddRouteHandlers(new RouteManifest([]));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<ILogger<RouteHandlerMiddleware>>());

        Assert.Equal(typeof(RouteHandlerMiddleware).FullName, Assert.Single(categories));
    }

    private sealed class RecordingLoggerFactory(List<string> categories) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName)
        {
            categories.Add(categoryName);
            return NullLogger.Instance;
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
