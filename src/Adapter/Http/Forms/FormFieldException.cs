namespace NextRouteHandlers.Http;

/// <summary>A form field is missing or does not convert to the type asked for; the client gets a 400 with this message.</summary>
public sealed class FormFieldException : BadRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="message">What is wrong, for the client.</param>
    public FormFieldException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The field name.</summary>
    public string Field { get; }
}
