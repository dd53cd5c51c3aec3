using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// <see cref="NextConfig"/> compiled once at startup: every pattern parsed, every regular expression built, every
/// destination checked against the parameters its rule provides. Compiling reports each invalid rule by its
/// configuration path and source (<c>Next:Redirects[1] (source '/old/:id('): Unbalanced pattern at 8</c>).
/// </summary>
internal sealed class RoutingRules
{
    private static readonly HashSet<int> RedirectStatuses = [301, 302, 303, 307, 308];

    private readonly List<(ConfigRule Rule, (string Key, string Value)[] Headers)> _headers = [];
    private readonly List<(ConfigRule Rule, Destination Destination, int Status)> _redirects = [];

    private RoutingRules(NextConfig config)
    {
        BasePath = config.BasePath ?? string.Empty;
        TrailingSlash = config.TrailingSlash;
    }

    /// <summary>The base path, or empty.</summary>
    public string BasePath { get; }

    /// <summary>The <c>trailingSlash</c> option.</summary>
    public bool TrailingSlash { get; }

    /// <summary>The <c>beforeFiles</c> rewrites.</summary>
    public List<RewriteStep> BeforeFiles { get; } = [];

    /// <summary>The <c>afterFiles</c> rewrites.</summary>
    public List<RewriteStep> AfterFiles { get; } = [];

    /// <summary>The <c>fallback</c> rewrites.</summary>
    public List<RewriteStep> Fallback { get; } = [];

    /// <summary>Compiles <paramref name="config"/>; every problem is added to <paramref name="errors"/> and the rule is left out.</summary>
    public static RoutingRules Compile(NextConfig config, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rules = new RoutingRules(config);
        CheckBasePath(rules.BasePath, errors);
        Each(config.Headers, "Next:Headers", r => r.Source, errors, rule =>
        {
            var compiled = ConfigRule.Compile(rule.Source, rule.Has, rule.Missing);
            if (rule.Headers is null || rule.Headers.Count == 0) throw new FormatException("It has no headers.");
            var headers = rule.Headers.Select((h, i) => CheckHeader(h, i)).ToArray();
            rules._headers.Add((compiled, headers));
        });
        Each(config.Redirects, "Next:Redirects", r => r.Source, errors, rule =>
        {
            var compiled = ConfigRule.Compile(rule.Source, rule.Has, rule.Missing);
            var destination = CheckDestination(compiled, rule.Destination);
            rules._redirects.Add((compiled, destination, RedirectStatus(rule)));
        });
        var rewrites = config.Rewrites ?? new RewriteRules();
        CompileRewrites(rewrites.BeforeFiles, "Next:Rewrites:BeforeFiles", rules.BeforeFiles, errors);
        CompileRewrites(rewrites.AfterFiles, "Next:Rewrites:AfterFiles", rules.AfterFiles, errors);
        CompileRewrites(rewrites.Fallback, "Next:Rewrites:Fallback", rules.Fallback, errors);
        return rules;
    }

    /// <summary>The path rules match: without a trailing slash, so <c>/x/</c> and <c>/x</c> meet the same rules.</summary>
    /// <param name="path">A path without the base path.</param>
    public static string RulePath(string path) => path.Length > 1 && path[^1] == '/' ? path[..^1] : path;

    /// <summary>Removes the base path from a request path.</summary>
    /// <param name="path">The normalised request path.</param>
    /// <param name="appPath">The path without the base path (<c>/</c> for the base path itself).</param>
    /// <returns>False when the path is outside the base path (a 404).</returns>
    public bool TryStripBasePath(string path, out string appPath)
    {
        appPath = path;
        if (BasePath.Length == 0) return true;
        if (!path.StartsWith(BasePath, StringComparison.Ordinal) || (path.Length > BasePath.Length && path[BasePath.Length] != '/')) return false;
        appPath = path.Length == BasePath.Length ? "/" : path[BasePath.Length..];
        return true;
    }

    /// <summary>Sets the headers of every matching <c>headers()</c> rule on the response, in order, so a later rule wins for a name.</summary>
    /// <param name="path">The path without the base path.</param>
    /// <param name="facts">The request.</param>
    /// <param name="response">The outgoing response headers.</param>
    public void ApplyHeaders(string path, RequestFacts facts, IHeaderDictionary response)
    {
        if (_headers.Count == 0) return;
        var rulePath = RulePath(path);
        foreach (var (rule, headers) in _headers)
        {
            if (rule.Match(rulePath, facts) is not { } parameters) continue;
            foreach (var (key, value) in headers) response[ParameterText.Fill(key, parameters)] = new StringValues(ParameterText.Fill(value, parameters));
        }
    }

    /// <summary>The first matching <c>redirects()</c> rule's location and status, or null.</summary>
    /// <param name="path">The path without the base path.</param>
    /// <param name="facts">The request.</param>
    /// <param name="rawQuery">The request's query as sent, with its <c>?</c>, or empty.</param>
    public (string Location, int Status)? FindRedirect(string path, RequestFacts facts, string rawQuery)
    {
        if (_redirects.Count == 0) return null;
        var rulePath = RulePath(path);
        foreach (var (rule, destination, status) in _redirects)
        {
            if (rule.Match(rulePath, facts) is { } parameters) return (destination.Location(parameters, rawQuery, BasePath), status);
        }

        return null;
    }

    private static void CompileRewrites(List<RewriteRule>? rules, string section, List<RewriteStep> into, ICollection<string> errors) =>
        Each(rules, section, r => r.Source, errors, rule =>
        {
            var compiled = ConfigRule.Compile(rule.Source, rule.Has, rule.Missing);
            var destination = CheckDestination(compiled, rule.Destination);
            if (destination.IsAbsolute) throw new FormatException($"The destination '{rule.Destination}' is another origin; rewrites can only serve paths of this app.");
            if (destination.HasQuery) throw new FormatException($"The destination '{rule.Destination}' has a query; route handlers see the original URL after a rewrite, so it would be lost.");
            into.Add(new RewriteStep(compiled, destination));
        });

    private static void Each<T>(List<T>? rules, string section, Func<T, string?> source, ICollection<string> errors, Action<T> compile)
    {
        if (rules is null) return;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            try
            {
                if (rule is null) throw new FormatException("The rule is empty.");
                compile(rule);
            }
            catch (FormatException exception)
            {
                errors.Add($"{section}[{i}] (source '{(rule is null ? null : source(rule))}'): {exception.Message}");
            }
        }
    }

    private static Destination CheckDestination(ConfigRule rule, string? text)
    {
        var destination = Destination.Parse(text);
        var available = rule.ParameterNames;
        var unknown = destination.ParameterNames.Where(n => !available.Contains(n)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            throw new FormatException($"The destination uses {string.Join(", ", unknown.Select(n => ":" + n))}, which the source and its conditions do not define (they define {(available.Count == 0 ? "none" : string.Join(", ", available.Select(n => ":" + n)))}).");
        }

        return destination;
    }

    private static int RedirectStatus(RedirectRule rule)
    {
        if (rule.Permanent is not null && rule.StatusCode is not null) throw new FormatException("Set either Permanent or StatusCode, not both.");
        if (rule.StatusCode is { } status) return RedirectStatuses.Contains(status) ? status : throw new FormatException($"StatusCode {status} is not a redirect status; use 301, 302, 303, 307 or 308.");
        return rule.Permanent switch
        {
            true => StatusCodes.Status308PermanentRedirect,
            false => StatusCodes.Status307TemporaryRedirect,
            null => throw new FormatException("Set Permanent (true for 308, false for 307) or StatusCode."),
        };
    }

    private static (string, string) CheckHeader(HeaderEntry? header, int index)
    {
        if (header is null || string.IsNullOrEmpty(header.Key)) throw new FormatException($"Headers[{index}] has no key.");
        try
        {
            new Http.Headers().Set(header.Key, header.Value ?? string.Empty);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"Headers[{index}] ('{header.Key}'): {exception.Message}", exception);
        }

        return (header.Key, header.Value ?? string.Empty);
    }

    private static void CheckBasePath(string basePath, ICollection<string> errors)
    {
        if (basePath.Length == 0) return;
        if (basePath[0] != '/' || basePath.Length == 1 || basePath[^1] == '/' || basePath.IndexOfAny(['?', '#', '\\', ' ']) >= 0 || basePath.Contains("//", StringComparison.Ordinal))
        {
            errors.Add($"Next:BasePath ('{basePath}') must start with '/', not end with '/', and hold only path characters (for example '/docs'); leave it empty for none.");
        }
    }
}
