namespace NextRouteHandlers.Http;

/// <summary>Thrown when a handler tries to change request headers, which are read-only as in Next.js.</summary>
public sealed class ReadOnlyHeadersException : InvalidOperationException
{
    /// <summary>Creates the exception with Next.js's message.</summary>
    public ReadOnlyHeadersException()
        : base("Headers cannot be modified. Read more: https://nextjs.org/docs/app/api-reference/functions/headers")
    {
    }
}
