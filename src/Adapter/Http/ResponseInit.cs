namespace NextRouteHandlers.Http;

/// <summary>The options of a response, like the Fetch API's <c>ResponseInit</c>.</summary>
public sealed class ResponseInit
{
    /// <summary>The status code, 200 to 599. Defaults to 200.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The reason phrase sent on the status line; null sends the standard one for <see cref="Status"/>.</summary>
    public string? StatusText { get; init; }

    /// <summary>Headers to send; the response takes a copy.</summary>
    public Headers Headers { get; init; } = new();
}
