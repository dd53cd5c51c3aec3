namespace NextRouteHandlers.Http;

/// <summary>
/// Thrown for request data a handler cannot accept (a form field of the wrong type, say). The pipeline answers
/// 400 with the message as a plain-text body, so write messages a client may read.
/// </summary>
public class BadRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the request, for the client.</param>
    public BadRequestException(string message)
        : base(message)
    {
    }
}
