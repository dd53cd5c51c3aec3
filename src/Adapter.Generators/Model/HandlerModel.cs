namespace NextRouteHandlers.Generators.Model;

/// <summary>How a bound method returns its result.</summary>
internal enum ReturnShape
{
    /// <summary>The value directly (a <c>Response</c> or a subclass; for a metadata file, its content).</summary>
    Sync,

    /// <summary>Exactly <c>Task&lt;Response&gt;</c>.</summary>
    TaskOfResponse,

    /// <summary>Exactly <c>ValueTask&lt;Response&gt;</c>.</summary>
    ValueTaskOfResponse,

    /// <summary>A <c>Task</c> or <c>ValueTask</c> of anything else (a subclass of <c>Response</c>, a metadata file's content): needs an await.</summary>
    Awaited,
}

/// <summary>Where the generated handler takes the value of one parameter from.</summary>
internal enum ArgumentSource
{
    /// <summary>The <c>NextRequest</c>.</summary>
    Request,

    /// <summary>The <c>RouteContext</c>.</summary>
    Context,

    /// <summary>The route's <c>RouteParams</c>.</summary>
    RouteParams,

    /// <summary>The request's abort <c>CancellationToken</c>.</summary>
    Aborted,

    /// <summary>The ASP.NET Core <c>HttpContext</c>.</summary>
    HttpContext,

    /// <summary>A service the request's services must provide.</summary>
    RequiredService,

    /// <summary>A service that may be missing (the parameter is nullable or has a default): null then.</summary>
    OptionalService,
}

/// <summary>What one parameter of a bound method gets.</summary>
/// <param name="Source">Where the value comes from.</param>
/// <param name="ServiceType">For services, the fully qualified type (<c>global::App.IClock</c>); null otherwise.</param>
internal sealed record ArgumentModel(ArgumentSource Source, string? ServiceType = null);

/// <summary>One bound method: the HTTP method it serves, the C# method, how its result is awaited and its arguments.</summary>
/// <param name="HttpMethod">The HTTP method it serves (<c>PROXY</c> for the proxy).</param>
/// <param name="MethodName">The C# method to call.</param>
/// <param name="Return">How the result is awaited.</param>
/// <param name="Arguments">One per parameter, in order.</param>
internal sealed record HandlerModel(string HttpMethod, string MethodName, ReturnShape Return, EquatableArray<ArgumentModel> Arguments);
