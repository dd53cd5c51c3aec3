namespace NextRouteHandlers.Http;

/// <summary>
/// Next.js's <c>request.nextUrl</c>: the public URL of the request, split into parts. The pathname stays
/// percent-encoded exactly as the client sent it; <see cref="Search"/> is re-serialised from
/// <see cref="SearchParams"/> (<c>?q=a%20b</c> reads back as <c>?q=a+b</c>), as Next.js does.
/// </summary>
public sealed class NextUrl
{
    private readonly Action<string>? _onDynamicAccess;
    private readonly UrlSearchParams _searchParams;

    /// <summary>Creates a URL from its parts.</summary>
    /// <param name="protocol">The scheme with its colon, <c>http:</c> or <c>https:</c>.</param>
    /// <param name="host">Host name with the port when it is not the default one.</param>
    /// <param name="pathname">The encoded path, starting with <c>/</c>, without the base path.</param>
    /// <param name="searchParams">The query.</param>
    /// <param name="basePath">The configured base path, or empty.</param>
    /// <param name="onDynamicAccess">Called when the query or the full URL is read while a cached route renders; it throws.</param>
    public NextUrl(string protocol, string host, string pathname, UrlSearchParams searchParams, string basePath = "", Action<string>? onDynamicAccess = null)
    {
        _onDynamicAccess = onDynamicAccess;
        Protocol = protocol ?? throw new ArgumentNullException(nameof(protocol));
        Host = host ?? throw new ArgumentNullException(nameof(host));
        Pathname = pathname ?? throw new ArgumentNullException(nameof(pathname));
        _searchParams = searchParams ?? throw new ArgumentNullException(nameof(searchParams));
        BasePath = basePath ?? string.Empty;
    }

    /// <summary>The scheme with its colon: <c>http:</c> or <c>https:</c>.</summary>
    public string Protocol { get; }

    /// <summary>The host name and, when not the scheme's default, the port: <c>example.com</c>, <c>localhost:3000</c>.</summary>
    public string Host { get; }

    /// <summary>The host name without the port.</summary>
    public string Hostname
    {
        get
        {
            if (Host.StartsWith('['))
            {
                var end = Host.IndexOf(']');
                return end < 0 ? Host : Host[..(end + 1)];
            }

            var colon = Host.LastIndexOf(':');
            return colon < 0 ? Host : Host[..colon];
        }
    }

    /// <summary>The port as text, or empty for the scheme's default.</summary>
    public string Port
    {
        get
        {
            var bracket = Host.LastIndexOf(']');
            var colon = Host.LastIndexOf(':');
            return colon > bracket ? Host[(colon + 1)..] : string.Empty;
        }
    }

    /// <summary><c>protocol//host</c>.</summary>
    public string Origin => Protocol + "//" + Host;

    /// <summary>The percent-encoded path, without the base path (<c>/items/hello%20world</c>).</summary>
    public string Pathname { get; }

    /// <summary>The query, parsed.</summary>
    public UrlSearchParams SearchParams
    {
        get
        {
            _onDynamicAccess?.Invoke("nextUrl.searchParams");
            return _searchParams;
        }
    }

    /// <summary>The query re-serialised with its leading <c>?</c>, or empty when there is none.</summary>
    public string Search
    {
        get
        {
            _onDynamicAccess?.Invoke("nextUrl.search");
            var query = _searchParams.ToString();
            return query.Length == 0 ? string.Empty : "?" + query;
        }
    }

    /// <summary>Always empty: the fragment never reaches a server.</summary>
    public string Hash => string.Empty;

    /// <summary>The configured base path (<c>/docs</c>), or empty.</summary>
    public string BasePath { get; }

    /// <summary>The full URL the client asked for, with the base path.</summary>
    public string Href
    {
        get
        {
            _onDynamicAccess?.Invoke("nextUrl.href");
            return Origin + BasePath + Pathname + Search;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Href;
}
