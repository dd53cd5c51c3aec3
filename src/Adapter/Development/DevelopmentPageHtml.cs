using System.Globalization;
using System.Net;
using System.Text;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Development;

/// <summary>
/// Writes the development page: plain HTML and a little inline script, no assets. Every value that comes from the app
/// or a request (patterns, paths, tags, file names, exception types) is HTML-encoded.
/// </summary>
internal static class DevelopmentPageHtml
{
    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#111}h1{font-size:20px;margin:0 0 4px}
        h2{font-size:16px;margin:24px 0 8px}table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top}th{background:#f4f4f4}
        code{font:13px ui-monospace,monospace}.muted{color:#666}.HIT,.fresh{color:#06702b}.STALE,.stale{color:#9a6700}
        .MISS,.expired,.failed{color:#b3261e}form{display:inline}input{font:inherit;padding:2px 4px}#result{margin-left:8px}
        """;

    private const string Script = """
        async function revalidate(field, value) {
          const body = new URLSearchParams(); body.set(field, value);
          const r = await fetch('/_next-route-handlers/revalidate', { method: 'POST', headers: { 'x-next-route-handlers': 'revalidate' }, body });
          document.getElementById('result').textContent = r.ok ? 'revalidated ' + field + ' ' + value : 'refused: ' + r.status;
          if (r.ok) setTimeout(() => location.reload(), 400);
        }
        document.addEventListener('submit', e => { e.preventDefault(); const f = e.target; revalidate(f.dataset.field, f.elements.value.value); });
        document.addEventListener('click', e => { const b = e.target.closest('button[data-path]'); if (b) revalidate('path', b.dataset.path); });
        """;

    /// <summary>The page.</summary>
    /// <param name="model">What it shows.</param>
    public static string Render(DevelopmentPageModel model)
    {
        var html = new StringBuilder(8192);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Route handlers (development)</title><style>")
            .Append(Style).Append("</style></head><body><h1>Route handlers</h1><p class=\"muted\">Development only. Build <code>")
            .Append(Encode(model.BuildId)).Append("</code>, store <code id=\"store\">").Append(Encode(model.Cache.StoreKind))
            .Append("</code>, read at ").Append(Time(model.Cache.At)).Append(" (this instance).</p>");
        Routes(html, model.Routes);
        Entries(html, model);
        Tags(html, model.Cache.Tags);
        Regenerations(html, model);
        html.Append("<h2>Revalidate</h2><form data-field=\"path\"><input name=\"value\" placeholder=\"/path\" required> <button>Revalidate path</button></form> ")
            .Append("<form data-field=\"tag\"><input name=\"value\" placeholder=\"tag\" required> <button>Revalidate tag</button></form><span id=\"result\" role=\"status\"></span>")
            .Append("<script>").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    private static void Routes(StringBuilder html, IReadOnlyList<DevelopmentRoute> routes)
    {
        html.Append("<h2>Routes</h2><table id=\"routes\"><tr><th></th><th>Route</th><th>File</th><th>Methods</th><th>Segment config</th><th>Cached</th></tr>");
        foreach (var row in routes)
        {
            var cached = row.Symbol != '\u0192';
            html.Append("<tr data-route=\"").Append(Encode(row.Route.Pattern)).Append("\"><td>").Append(row.Symbol).Append("</td><td><code>")
                .Append(Encode(row.Route.Pattern)).Append("</code></td><td><code>").Append(Encode(row.Route.SourceFile)).Append("</code></td><td>")
                .Append(Encode(row.Route.Allow)).Append("</td><td>").Append(Encode(Config(row.Route.Config))).Append("</td><td>")
                .Append(cached ? "yes" : "no").Append(": ").Append(Encode(row.Reason)).Append("</td></tr>");
        }

        html.Append("</table><p class=\"muted\">\u25CB static, \u25CF prerendered for GenerateStaticParams, \u0192 dynamic (as the <code>prerender</code> command prints).</p>");
    }

    private static void Entries(StringBuilder html, DevelopmentPageModel model)
    {
        html.Append("<h2>Cache entries</h2>");
        if (model.Keys.Count == 0)
        {
            html.Append("<p class=\"muted\" id=\"entries\">No cached route answered yet.</p>");
            return;
        }

        html.Append("<table id=\"entries\"><tr><th>Route</th><th>Path</th><th>Last answer</th><th>Entry</th><th>Age</th><th>Revalidate</th><th>Tags</th><th></th></tr>");
        var entries = model.Cache.Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
        foreach (var key in model.Keys.OrderBy(k => k.Route, StringComparer.Ordinal))
        {
            var path = key.Key[model.KeyPrefixLength..];
            var inspected = entries.GetValueOrDefault(key.Key);
            var entry = inspected?.Entry;
            var last = key.LastStatus is { } status ? CacheStatusHeader.Value(status) : "prerendered";
            var freshness = inspected?.Freshness?.ToString().ToLowerInvariant() ?? "absent";
            html.Append("<tr class=\"entry\" data-path=\"").Append(Encode(path)).Append("\"><td><code>").Append(Encode(key.Route ?? "")).Append("</code></td><td><code>")
                .Append(Encode(path)).Append("</code></td><td class=\"").Append(last).Append("\">").Append(last).Append("</td><td class=\"").Append(freshness).Append("\">")
                .Append(freshness).Append(entry is null ? "" : ", HTTP " + entry.Status.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(entry is null ? "" : Age(model.Cache.At - entry.LastModified)).Append("</td><td>")
                .Append(entry is null ? "" : entry.Revalidate is { } seconds ? seconds.ToString(CultureInfo.InvariantCulture) + " s" : "never").Append("</td><td>")
                .Append(entry is null ? "" : Encode(string.Join(", ", entry.Tags.Where(t => !t.StartsWith("_N_T_", StringComparison.Ordinal))))).Append("</td><td><button data-path=\"")
                .Append(Encode(path)).Append("\">Revalidate</button></td></tr>");
        }

        html.Append("</table>");
    }

    private static void Tags(StringBuilder html, IReadOnlyDictionary<string, TagState> tags)
    {
        html.Append("<h2>Tags</h2>");
        if (tags.Count == 0)
        {
            html.Append("<p class=\"muted\" id=\"tags\">No tag was invalidated.</p>");
            return;
        }

        html.Append("<table id=\"tags\"><tr><th>Tag</th><th>Stale since</th><th>Expired at</th></tr>");
        foreach (var state in tags.Values.OrderByDescending(TagStates.IssuedAt))
        {
            html.Append("<tr><td><code>").Append(Encode(state.Tag)).Append("</code></td><td>").Append(state.Stale is { } stale ? Time(stale) : "")
                .Append("</td><td>").Append(state.Expired is { } expired ? Time(expired) : "").Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Regenerations(StringBuilder html, DevelopmentPageModel model)
    {
        html.Append("<h2>Recent renders</h2>");
        if (model.Regenerations.Count == 0)
        {
            html.Append("<p class=\"muted\" id=\"renders\">None yet.</p>");
            return;
        }

        html.Append("<table id=\"renders\"><tr><th>At</th><th>Path</th><th>Trigger</th><th>Took</th><th>Outcome</th></tr>");
        foreach (var render in model.Regenerations)
        {
            var path = render.Key.Length >= model.KeyPrefixLength ? render.Key[model.KeyPrefixLength..] : render.Key;
            html.Append("<tr><td>").Append(Time(render.At)).Append("</td><td><code>").Append(Encode(path)).Append("</code></td><td>").Append(Encode(render.Trigger))
                .Append("</td><td>").Append(render.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)).Append(" ms</td><td")
                .Append(render.ErrorType is null ? ">rendered" : " class=\"failed\">failed: " + Encode(render.ErrorType)).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Config(RouteSegmentConfig config)
    {
        var parts = new List<string>();
        if (config.Dynamic != DynamicMode.Auto) parts.Add("Dynamic = " + (config.Dynamic switch { DynamicMode.ForceStatic => "force-static", DynamicMode.ForceDynamic => "force-dynamic", _ => "error" }));
        if (config.Revalidate.IsSet) parts.Add("Revalidate = " + (config.Revalidate.Seconds is { } seconds ? seconds.ToString(CultureInfo.InvariantCulture) : "false"));
        if (!config.DynamicParams) parts.Add("DynamicParams = false");
        if (config.GenerateStaticParams is not null) parts.Add("GenerateStaticParams");
        if (config.MaxDuration is { } maxDuration) parts.Add("MaxDuration = " + maxDuration.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "(defaults)" : string.Join("; ", parts);
    }

    private static string Age(TimeSpan age) => age.TotalSeconds < 120
        ? Math.Max(0, age.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) + " s"
        : age.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min";

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
