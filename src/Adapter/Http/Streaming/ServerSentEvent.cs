namespace NextRouteHandlers.Http;

/// <summary>One server-sent event.</summary>
/// <param name="Data">The data; a multi-line value is sent as several <c>data:</c> lines.</param>
public sealed record ServerSentEvent(string Data)
{
    /// <summary>The event type (<c>event:</c>), or null for the default <c>message</c>.</summary>
    public string? Event { get; init; }

    /// <summary>The event id (<c>id:</c>), or null.</summary>
    public string? Id { get; init; }

    /// <summary>The reconnection delay to ask of the client (<c>retry:</c>), or null.</summary>
    public TimeSpan? Retry { get; init; }
}
