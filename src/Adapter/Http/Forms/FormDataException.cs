namespace NextRouteHandlers.Http;

/// <summary>
/// The body is not a form (wrong content type) or is a malformed one. Like Next.js's <c>TypeError</c> from
/// <c>formData()</c>, an uncaught one is a 500; catch it to answer 400 yourself.
/// </summary>
public sealed class FormDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the body.</param>
    /// <param name="inner">The parser's exception, if any.</param>
    public FormDataException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
