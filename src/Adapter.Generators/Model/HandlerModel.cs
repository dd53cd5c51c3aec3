namespace NextRouteHandlers.Generators.Model;

/// <summary>How a handler returns its response.</summary>
internal enum ReturnShape
{
    /// <summary><c>Response</c> (or a subclass) directly.</summary>
    Sync,

    /// <summary>Exactly <c>Task&lt;Response&gt;</c>.</summary>
    TaskOfResponse,

    /// <summary>Exactly <c>ValueTask&lt;Response&gt;</c>.</summary>
    ValueTaskOfResponse,

    /// <summary><c>Task</c> or <c>ValueTask</c> of a subclass of <c>Response</c>; needs an await.</summary>
    AwaitDerived,
}

/// <summary>One bound handler method: its HTTP method, the C# call and the argument expressions.</summary>
/// <param name="HttpMethod">The HTTP method it serves.</param>
/// <param name="MethodName">The C# method to call.</param>
/// <param name="Return">How the result is awaited.</param>
/// <param name="Arguments">One expression per parameter.</param>
/// <param name="Wrapper">For metadata files: the expression turning the result (<c>{0}</c>) into a response; null for handlers.</param>
internal sealed record HandlerModel(string HttpMethod, string MethodName, ReturnShape Return, EquatableArray<string> Arguments, string? Wrapper = null);
