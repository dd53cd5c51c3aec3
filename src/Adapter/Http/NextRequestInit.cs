namespace NextRouteHandlers.Http;

/// <summary>
/// The request part of <c>NextResponse.next({ request: { headers } })</c>: in <c>proxy.cs</c>, what the route handler
/// sees instead of the client's request.
/// </summary>
/// <example>
/// <code>
/// var headers = new Headers(request.Headers);
/// headers.Set("x-user", "42");
/// return NextResponse.Next(new NextRequestInit { Headers = headers });
/// </code>
/// </example>
public sealed class NextRequestInit
{
    /// <summary>The request headers the route handler sees: these replace the client's headers entirely (start from <c>new Headers(request.Headers)</c> to keep them).</summary>
    public Headers? Headers { get; init; }
}
