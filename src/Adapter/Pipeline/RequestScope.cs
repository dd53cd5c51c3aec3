using NextRouteHandlers.Http;

namespace NextRouteHandlers.Pipeline;

/// <summary>The request a handler is running for, reachable from any code it calls (<see cref="Next"/>).</summary>
internal sealed class RequestScope
{
    private static readonly AsyncLocal<RequestScope?> CurrentScope = new();
    private CookieStore? _cookies;

    public RequestScope(NextRequest request) => Request = request;

    public static RequestScope? Current
    {
        get => CurrentScope.Value;
        set => CurrentScope.Value = value;
    }

    public NextRequest Request { get; }

    public CookieStore Cookies => _cookies ??= new CookieStore(Request.Cookies, Request.IsStripped);

    public CookieStore? CookiesIfUsed => _cookies;
}
