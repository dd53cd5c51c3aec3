namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// A status code as the value of <c>http.response.status_code</c> on a span or a measurement: an <see cref="int"/>, as the conventions
/// want it, boxed once per code (1xx to 5xx) instead of on every request.
/// </summary>
internal static class StatusCodeTag
{
    private const int First = 100;
    private static readonly object[] Boxed = Enumerable.Range(First, 500).Select(static code => (object)code).ToArray();

    public static object Of(int status) => (uint)(status - First) < (uint)Boxed.Length ? Boxed[status - First] : status;
}
