namespace NextRouteHandlers.Http;

/// <summary>Thrown when a request body is read a second time; a body can be read once, as in the Fetch API.</summary>
public sealed class BodyAlreadyReadException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public BodyAlreadyReadException()
        : base("Body is unusable: the request body has already been read.")
    {
    }
}
