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
internal sealed record HandlerModel(string HttpMethod, string MethodName, ReturnShape Return, EquatableArray<string> Arguments);
