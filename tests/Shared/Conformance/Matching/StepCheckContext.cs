namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// What checking one step needs: the server (for placeholders), the string normalization of the profile (both
/// sides of every string comparison go through it), and the responses of the case so far, this step's last. Counts
/// how often normalization changed a string, so the result can say the <c>origin</c> rule touched the step.
/// </summary>
public sealed class StepCheckContext
{
    private readonly Func<string, string> _normalize;

    /// <summary>Creates the context of one step.</summary>
    /// <param name="target">The server.</param>
    /// <param name="normalize">The normalization; identity when the replay has no profile.</param>
    /// <param name="responses">The responses of the case's steps up to and including this one.</param>
    public StepCheckContext(ReplayTarget target, Func<string, string> normalize, IReadOnlyList<WireResponse> responses)
    {
        Target = target;
        _normalize = normalize;
        Responses = responses;
    }

    /// <summary>The server.</summary>
    public ReplayTarget Target { get; }

    /// <summary>The responses of the case so far; the last one is the step being checked.</summary>
    public IReadOnlyList<WireResponse> Responses { get; }

    /// <summary>The response being checked.</summary>
    public WireResponse Response => Responses[^1];

    /// <summary>How many times <see cref="Normalize"/> changed a string.</summary>
    public int NormalizationHits { get; private set; }

    /// <summary>The normalized form of <paramref name="text"/> (<see langword="null"/> stays <see langword="null"/>).</summary>
    /// <param name="text">A string from the expectation or the response.</param>
    public string? Normalize(string? text)
    {
        if (text is null) return null;
        var normalized = _normalize(text);
        if (!string.Equals(normalized, text, StringComparison.Ordinal)) NormalizationHits++;
        return normalized;
    }

    /// <summary>An expected string with its placeholders substituted, then normalized.</summary>
    /// <param name="expected">The string as the case writes it.</param>
    public string Expected(string expected) => Normalize(Placeholders.Substitute(expected, Target))!;

    /// <summary>An expected string with its placeholders substituted (not normalized).</summary>
    /// <param name="expected">The string as the case writes it.</param>
    public string Substitute(string expected) => Placeholders.Substitute(expected, Target);

    /// <summary>A pattern with its placeholders substituted as normalized, escaped values.</summary>
    /// <param name="pattern">The pattern as the case writes it.</param>
    public string Pattern(string pattern) => Placeholders.SubstituteInPattern(pattern, Target, _normalize);

    /// <summary>The response of an earlier step (a negative index counts from the end), or <see langword="null"/>.</summary>
    /// <param name="index">The step index the case names.</param>
    public WireResponse? Step(int index) => PythonIndex.Of(Responses, index);
}
