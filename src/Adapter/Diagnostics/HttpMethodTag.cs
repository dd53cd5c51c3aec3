namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// A request method as the HTTP semantic conventions want it in <c>http.request.method</c>: one of the known methods
/// (they are case-sensitive), or <c>_OTHER</c>, so that a client cannot make up attribute values. Returns constants.
/// </summary>
internal static class HttpMethodTag
{
    public const string Other = "_OTHER";

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
}
