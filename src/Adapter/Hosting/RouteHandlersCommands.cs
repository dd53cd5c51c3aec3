using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Invocation;
using NextRouteHandlers.Rendering;

namespace NextRouteHandlers.Hosting;

/// <summary>
/// The app's command line: with no command it serves requests; <c>prerender</c> fills the configured cache store with
/// every static path (before a deployment, say) and prints a route table like <c>next build</c>'s, then exits.
/// </summary>
public static class RouteHandlersCommands
{
    /// <summary>Runs the command named by the first argument, or the app when there is none.</summary>
    /// <param name="app">The built app: a <c>WebApplication</c>, or the host of an isolated worker.</param>
    /// <param name="args">The process arguments.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunRouteHandlersAsync(this IHost app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != "prerender")
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }

        var prerenderer = app.Services.GetRequiredService<Prerenderer>();
        var build = app.Services.GetRequiredService<CacheBuild>();
        Console.WriteLine($"Prerendering build {build.Id}...");
        try
        {
            var table = await prerenderer.PrerenderAsync(CancellationToken.None).ConfigureAwait(false);
            // The host is not running, so nothing else waits for what the renders scheduled with Next.After.
            using (var grace = new CancellationTokenSource(app.Services.GetService<IOptions<HostOptions>>()?.Value.ShutdownTimeout ?? TimeSpan.FromSeconds(30)))
            {
                await app.Services.GetRequiredService<AfterWork>().DrainAsync(grace.Token).ConfigureAwait(false);
            }

            Console.WriteLine();
            Console.Write(Prerenderer.Describe(table));
            Console.WriteLine();
            Console.WriteLine($"{table.Sum(r => r.Paths.Count)} path(s) of {table.Count(r => r.Symbol != '\u0192')} cached route(s) are in the store.");
            return 0;
        }
        catch (Exception exception) when (exception is DynamicUsageException or InvalidOperationException)
        {
            Console.Error.WriteLine("Prerendering failed: " + exception.Message);
            return 1;
        }
    }
}
