using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Rendering;

/// <summary>
/// Renders every static path into the cache before the app answers, as <c>next build</c> does: cacheable routes
/// without parameters, and the paths <c>GenerateStaticParams</c> lists. Entries already stored for this build are
/// kept. It runs when the app starts (a hosted service, so the Functions host's readiness probe waits for it) and as
/// the app's <c>prerender</c> command, which prints a route table like <c>next build</c>'s. A complete prerender
/// leaves a <see cref="PrerenderRecord"/>; an instance that starts later for the same build restores the route state
/// from that one read instead of checking every path, so its start does not grow with the number of paths.
/// </summary>
internal sealed partial class Prerenderer : IHostedService
{
    private readonly RouteManifest _manifest;
    private readonly ResponseCache _cache;
    private readonly CacheRenderer _renderer;
    private readonly RouteCacheState _state;
    private readonly CacheBuild _build;
    private readonly ILogger<Prerenderer> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the prerenderer.</summary>
    /// <param name="manifest">The app's routes.</param>
    /// <param name="cache">The cache to fill.</param>
    /// <param name="renderer">Renders a route.</param>
    /// <param name="state">Where listed paths and dynamic routes are recorded.</param>
    /// <param name="build">The build id.</param>
    /// <param name="logger">Where progress goes.</param>
    /// <param name="time">The clock of the record's date.</param>
    public Prerenderer(RouteManifest manifest, ResponseCache cache, CacheRenderer renderer, RouteCacheState state, CacheBuild build, ILogger<Prerenderer> logger, TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _build = build ?? throw new ArgumentNullException(nameof(build));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Prerenders at startup.</summary>
    /// <param name="cancellationToken">Cancelled when startup is aborted.</param>
    /// <exception cref="DynamicUsageException">A <c>Dynamic = "error"</c> route read request data.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryRestoreAsync().ConfigureAwait(false)) return;
        var table = await PrerenderAsync(cancellationToken).ConfigureAwait(false);
        RenderingLog.Prerendered(_logger, table.Count(r => r.Symbol != '\u0192'), table.Sum(r => r.Paths.Count), _build.Id);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _cache.StopAsync(TimeSpan.FromSeconds(10));

    /// <summary>Renders every static path that the store lacks, and describes each route.</summary>
    /// <param name="cancellationToken">Cancels the remaining renders.</param>
    public async Task<IReadOnlyList<PrerenderedRoute>> PrerenderAsync(CancellationToken cancellationToken)
    {
        using var activity = RouteHandlerActivities.Start("prerender");
        var table = new List<PrerenderedRoute>();
        foreach (var route in _manifest.Routes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!CachePolicy.IsCacheable(route))
            {
                table.Add(new PrerenderedRoute(route, SymbolOf(route, _state), []));
                continue;
            }

            var paths = await PathsOfAsync(route, cancellationToken).ConfigureAwait(false);
            if (route.Config.GenerateStaticParams is not null) _state.SetStaticPaths(route, paths.Select(p => p.Pathname));
            var rendered = new List<string>();
            foreach (var (rawPath, pathname, parameters) in paths)
            {
                try
                {
                    await _cache.PrerenderAsync(CacheKeys.For(_build.Id, pathname), async token =>
                    {
                        var entry = await _renderer.RenderAsync(route, parameters, rawPath, pathname, token).ConfigureAwait(false);
                        return entry.Status >= 400 && entry.Status != 404
                            ? throw new RenderDeclinedException($"{route.Pattern} answered {entry.Status} while prerendering")
                            : entry;
                    }, route.Pattern).ConfigureAwait(false);
                    rendered.Add(pathname);
                }
                catch (DynamicUsageException usage) when (route.Config.Dynamic != DynamicMode.Error)
                {
                    _state.MarkDynamic(route, usage.Message);
                    RenderingLog.PrerenderBecameDynamic(_logger, route.SourceFile, usage.Usage);
                    break;
                }
                catch (RenderDeclinedException refused)
                {
                    _state.MarkDynamic(route, refused.Message);
                    RenderingLog.PrerenderBecameDynamic(_logger, route.SourceFile, refused.Message);
                    break;
                }
            }

            table.Add(new PrerenderedRoute(route, SymbolOf(route, _state), rendered));
        }

        activity?.SetTag(TelemetryTags.RouteCount, table.Count(r => r.Symbol != '\u0192'));
        await _cache.WriteRecordAsync(PrerenderRecord.KeyFor(_build.Id), PrerenderRecord.Create(_manifest, _state, _time.GetUtcNow())).ConfigureAwait(false);
        return table;
    }

    /// <summary>Restores the route state from this build's record, if a complete prerender left one.</summary>
    private async Task<bool> TryRestoreAsync()
    {
        if (await _cache.ReadRecordAsync(PrerenderRecord.KeyFor(_build.Id)).ConfigureAwait(false) is not { } record) return false;
        try
        {
            if (!PrerenderRecord.TryRestore(record, _manifest, _state)) return false;
        }
        catch (FormatException invalid)
        {
            // Prerendering again rewrites it; nothing is lost but the time.
            RenderingLog.PrerenderRecordInvalid(_logger, invalid, _build.Id);
            return false;
        }

        RenderingLog.PrerenderRestored(_logger, _build.Id, record.LastModified);
        return true;
    }

    /// <summary>
    /// A route's symbol in the route table: \u0192 (dynamic) when it is not cacheable or turned out to read request
    /// data, \u25CB (static) for a cached route without params, \u25CF (SSG) for one with params.
    /// </summary>
    /// <param name="route">The route.</param>
    /// <param name="state">What the prerender learnt.</param>
    public static char SymbolOf(RouteDefinition route, RouteCacheState state)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(state);
        return !CachePolicy.IsCacheable(route) || state.IsDynamic(route) ? '\u0192' : route.IsStatic ? '\u25CB' : '\u25CF';
    }

    /// <summary>The route table in the style of <c>next build</c>.</summary>
    /// <param name="table">What <see cref="PrerenderAsync"/> returned.</param>
    public static string Describe(IReadOnlyList<PrerenderedRoute> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder("Route (app)").AppendLine();
        for (var i = 0; i < table.Count; i++)
        {
            var row = table[i];
            var branch = i == table.Count - 1 ? "\u2514" : i == 0 ? "\u250C" : "\u251C";
            var revalidate = row.Route.Config.Revalidate.Seconds is { } seconds and > 0 && row.Symbol != '\u0192' ? $"  revalidate {seconds.ToString(CultureInfo.InvariantCulture)}s" : string.Empty;
            text.Append(branch).Append(' ').Append(row.Symbol).Append(' ').Append(row.Route.Pattern).Append(revalidate).AppendLine();
            if (row.Route.IsStatic) continue;
            foreach (var path in row.Paths) text.Append("\u2502   ").Append(path).AppendLine();
        }

        return text.AppendLine()
            .AppendLine("\u25CB  (Static)   prerendered as static content")
            .AppendLine("\u25CF  (SSG)      prerendered for the params GenerateStaticParams lists")
            .AppendLine("\u0192  (Dynamic)  rendered on every request")
            .ToString();
    }

    private async Task<List<(string RawPath, string Pathname, RouteParams Params)>> PathsOfAsync(RouteDefinition route, CancellationToken cancellationToken)
    {
        var paths = new List<(string, string, RouteParams)>();
        if (route.IsStatic)
        {
            paths.Add((route.Pattern, CacheKeys.Pathname(route.Pattern)!, RouteParams.Empty));
            return paths;
        }

        if (route.Config.GenerateStaticParams is not { } generate) return paths;
        foreach (var values in await generate(cancellationToken).ConfigureAwait(false))
        {
            var rawPath = CachePolicy.PathFor(route, values);
            var parameters = new RouteParams(route.Segments.Where(s => s.IsParameter && values.ContainsKey(s.Value)).Select(s => values[s.Value] switch
            {
                string text => new RouteParam(s.Value, s.Kind != SegmentKind.Dynamic, [text]),
                IEnumerable<string> items => new RouteParam(s.Value, true, items.ToArray()),
                var other => new RouteParam(s.Value, false, [Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty]),
            }));
            paths.Add((rawPath, CacheKeys.Pathname(rawPath) ?? rawPath, parameters));
        }

        return paths;
    }

}

/// <summary>One row of the prerender's route table.</summary>
/// <param name="Route">The route.</param>
/// <param name="Symbol">○ static, ● prerendered with params, ƒ dynamic.</param>
/// <param name="Paths">The paths rendered.</param>
internal sealed record PrerenderedRoute(RouteDefinition Route, char Symbol, IReadOnlyList<string> Paths);
