using System.Text.RegularExpressions;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The string normalization of the profile's <c>origin</c> rule: <c>http(s)://</c> + a local host (with any port)
/// becomes <c>http(s)://REPLACEMENT</c>, and a string that is only a local host (with any port) becomes
/// <c>REPLACEMENT</c>. Applied to both sides of a comparison, so a URL the server built from its own address equals the
/// one Next.js built from <c>localhost:&lt;port&gt;</c>.
/// </summary>
public sealed class OriginNormalizer
{
    private readonly Regex _url;
    private readonly Regex _host;
    private readonly string _replacement;

    /// <summary>Normalizes the given hosts.</summary>
    /// <param name="hosts">Host names or addresses that count as local (<c>localhost</c>, <c>127.0.0.1</c>, ...).</param>
    /// <param name="replacement">What replaces them (<c>ORIGIN</c>).</param>
    public OriginNormalizer(IEnumerable<string> hosts, string replacement)
    {
        var alternatives = string.Join("|", hosts.Select(Regex.Escape));
        _url = new Regex($@"\b(https?)://(?:{alternatives})(?::\d+)?(?![\w.:-])");
        _host = new Regex($@"^(?:{alternatives})(?::\d+)?$");
        _replacement = replacement;
    }

    /// <summary>The normalized form of <paramref name="text"/>.</summary>
    /// <param name="text">Any string.</param>
    public string Normalize(string text)
    {
        var urls = _url.Replace(text, m => $"{m.Groups[1].Value}://{_replacement}");
        return _host.Replace(urls, _ => _replacement);
    }
}
