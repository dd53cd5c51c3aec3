namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// A request method as the HTTP semantic conventions want it in <c>http.request.method</c>: one of the known methods
/// (they are case-sensitive), or <c>_OTHER</c>, so that a client cannot make up attribute values. Returns constants.
/// </summary>
internal static class HttpMethodTag
{
    public const string Other = "_OTHER";

    /// <summary>How many values <see cref="Of"/> returns: the nine known methods and <see cref="Other"/>.</summary>
    public const int Count = 10;

    public static string Of(string method) => method switch
    {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "PATCH" => "PATCH",
        "OPTIONS" => "OPTIONS",
        "TRACE" => "TRACE",
        "CONNECT" => "CONNECT",
        _ => Other,
    };

    /// <summary>The position of a value of <see cref="Of"/> among the <see cref="Count"/> values, for tables by method.</summary>
    public static int IndexOf(string tag) => tag switch
    {
        "GET" => 0,
        "HEAD" => 1,
        "POST" => 2,
        "PUT" => 3,
        "DELETE" => 4,
        "PATCH" => 5,
        "OPTIONS" => 6,
        "TRACE" => 7,
        "CONNECT" => 8,
        _ => 9,
    };
}
