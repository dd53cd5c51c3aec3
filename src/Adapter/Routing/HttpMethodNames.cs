namespace NextRouteHandlers.Routing;

/// <summary>
/// The seven methods a route handler can answer, Next.js's list, in one place: the handler names the generator looks
/// for, the methods the catch-all function lists, the <c>Allow</c> header's candidates. Any other method gets 400
/// (Next.js 16 answers <c>PROPFIND</c> so), and the names are case-sensitive, as Next.js matches them.
/// </summary>
public static class HttpMethodNames
{
    /// <summary><c>GET</c>.</summary>
    public const string Get = "GET";

    /// <summary><c>HEAD</c>.</summary>
    public const string Head = "HEAD";

    /// <summary><c>OPTIONS</c>.</summary>
    public const string Options = "OPTIONS";

    /// <summary><c>POST</c>.</summary>
    public const string Post = "POST";

    /// <summary><c>PUT</c>.</summary>
    public const string Put = "PUT";

    /// <summary><c>DELETE</c>.</summary>
    public const string Delete = "DELETE";

    /// <summary><c>PATCH</c>.</summary>
    public const string Patch = "PATCH";

    /// <summary>The seven, in Next.js's order.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Get, Head, Options, Post, Put, Delete, Patch];

    /// <summary>True for one of the seven (ordinal: <c>get</c> is not <c>GET</c>); a pattern match, as it runs on every request.</summary>
    /// <param name="method">The request method.</param>
    public static bool IsSupported(string method) => method is Get or Head or Options or Post or Put or Delete or Patch;
}
