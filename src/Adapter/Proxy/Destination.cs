using System.Text;
using NextRouteHandlers.Http;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// The <c>destination</c> of a redirect or rewrite rule, parsed once: an optional origin (<c>https://host</c>), a path
/// in the pattern syntax (<c>/items/:slug</c>, <c>/docs/:path*</c>), a query and a fragment. Parameters are filled
/// with the raw (still percent-encoded) text the source captured.
/// </summary>
internal sealed class Destination
{
    private readonly string _scheme;
    private readonly string _hostname;
    private readonly string _port;
    private readonly IReadOnlyList<PathToken> _path;
    private readonly string _query;
    private readonly string _fragment;

    private Destination(string scheme, string hostname, string port, IReadOnlyList<PathToken> path, string query, string fragment)
    {
        _scheme = scheme;
        _hostname = hostname;
        _port = port;
        _path = path;
        _query = query;
        _fragment = fragment;
    }

    /// <summary>True when the destination names an origin (<c>https://example.com/...</c>).</summary>
    public bool IsAbsolute => _scheme.Length > 0;

    /// <summary>True when the destination has a query.</summary>
    public bool HasQuery => _query.Length > 0;

    /// <summary>Every parameter name the destination uses.</summary>
    public IEnumerable<string> ParameterNames =>
        _path.Where(t => t.IsNamed).Select(t => t.Name).Concat(ParameterText.Names(_hostname)).Concat(ParameterText.Names(_query));

    /// <summary>Parses a destination.</summary>
    /// <param name="destination">A path starting with <c>/</c>, or an absolute <c>http</c> or <c>https</c> URL.</param>
    /// <exception cref="FormatException">It is neither, or its path is malformed.</exception>
    public static Destination Parse(string? destination)
    {
        if (string.IsNullOrEmpty(destination)) throw new FormatException("The destination is empty.");
        var rest = destination;
        string scheme = string.Empty, hostname = string.Empty, port = string.Empty;
        foreach (var candidate in (string[])["http://", "https://"])
        {
            if (!rest.StartsWith(candidate, StringComparison.OrdinalIgnoreCase)) continue;
            scheme = rest[..(candidate.Length - 3)].ToLowerInvariant();
            var authorityEnd = rest.IndexOfAny(['/', '?', '#'], candidate.Length);
            var authority = authorityEnd < 0 ? rest[candidate.Length..] : rest[candidate.Length..authorityEnd];
            rest = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
            var bracket = authority.LastIndexOf(']');
            var colon = authority.LastIndexOf(':');
            hostname = colon > bracket && authority[(colon + 1)..].All(char.IsAsciiDigit) ? authority[..colon] : authority;
            port = authority[hostname.Length..];
            if (hostname.Length == 0) throw new FormatException($"The destination '{destination}' has no host.");
            break;
        }

        if (scheme.Length == 0 && !rest.StartsWith('/')) throw new FormatException($"The destination '{destination}' must start with '/', 'http://' or 'https://'.");
        var fragment = string.Empty;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest[hash..];
            rest = rest[..hash];
        }

        var query = string.Empty;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        try
        {
            return new Destination(scheme, hostname, port, PathPatternParser.Parse(rest), query, fragment);
        }
        catch (PathPatternException exception)
        {
            throw new FormatException($"The destination '{destination}' is malformed: {exception.Message}", exception);
        }
    }

    /// <summary>The destination's path with the parameters filled in.</summary>
    /// <param name="parameters">The values the source and conditions captured.</param>
    public string Path(IReadOnlyDictionary<string, string> parameters)
    {
        var path = new StringBuilder();
        foreach (var token in _path)
        {
            if (!token.IsParameter)
            {
                path.Append(token.Literal);
            }
            else if (parameters.TryGetValue(token.Name, out var value) && value.Length > 0)
            {
                path.Append(token.Prefix).Append(value).Append(token.Suffix);
            }
        }

        return path.ToString();
    }

    /// <summary>
    /// The <c>Location</c> of a redirect, as Next.js builds it: parameters filled in, repeated slashes collapsed, the
    /// base path added to a relative destination, and the request's query merged under the destination's own.
    /// </summary>
    /// <param name="parameters">The values the source and conditions captured.</param>
    /// <param name="rawQuery">The request's query as sent, with its <c>?</c>, or empty.</param>
    /// <param name="basePath">The configured base path, or empty.</param>
    public string Location(IReadOnlyDictionary<string, string> parameters, string rawQuery, string basePath)
    {
        var location = new StringBuilder();
        var path = PathNormalizer.CollapseSlashes(Path(parameters));
        if (IsAbsolute) location.Append(_scheme).Append("://").Append(ParameterText.Fill(_hostname, parameters)).Append(_port).Append(path);
        else location.Append(path == "/" && basePath.Length > 0 ? basePath : basePath + path);
        var query = MergeQuery(rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery, ParameterText.Fill(_query, parameters));
        if (query.Length > 0) location.Append('?').Append(query);
        return location.Append(_fragment).ToString();
    }

    // Next.js merges { ...requestQuery, ...destinationQuery }: request keys keep their place, a key the destination
    // also sets takes the destination's values, and the destination's other keys follow. Pairs keep their encoding.
    private static string MergeQuery(string requestQuery, string destinationQuery)
    {
        if (destinationQuery.Length == 0) return requestQuery;
        if (requestQuery.Length == 0) return destinationQuery;
        var destination = Pairs(destinationQuery);
        var merged = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, pair) in Pairs(requestQuery))
        {
            if (!destination.Any(d => d.Key == key))
            {
                merged.Add(pair);
            }
            else if (taken.Add(key))
            {
                merged.AddRange(destination.Where(d => d.Key == key).Select(d => d.Pair));
            }
        }

        merged.AddRange(destination.Where(d => !taken.Contains(d.Key)).Select(d => d.Pair));
        return string.Join('&', merged);
    }

    private static List<(string Key, string Pair)> Pairs(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var rawKey = (equals < 0 ? pair : pair[..equals]).Replace('+', ' ');
                return (UriComponent.TryDecode(rawKey, out var key) ? key : rawKey, pair);
            })
            .ToList();
}
