namespace NextRouteHandlers.Manifest;

/// <summary>The <c>Revalidate</c> segment config: unset, <c>false</c> (cache forever) or a number of seconds (0 means dynamic).</summary>
public readonly record struct RevalidateSetting
{
    private RevalidateSetting(bool isSet, int? seconds)
    {
        IsSet = isSet;
        Seconds = seconds;
    }

    /// <summary>The route declares no <c>Revalidate</c>.</summary>
    public static RevalidateSetting Unset => default;

    /// <summary><c>Revalidate = false</c>: cached until revalidated on demand.</summary>
    public static RevalidateSetting Never => new(true, null);

    /// <summary>True when the route declares <c>Revalidate</c>.</summary>
    public bool IsSet { get; }

    /// <summary>The lifetime in seconds; null for <see cref="Never"/> or <see cref="Unset"/>.</summary>
    public int? Seconds { get; }

    /// <summary>True for <c>Revalidate = false</c>.</summary>
    public bool IsNever => IsSet && Seconds is null;

    /// <summary><c>Revalidate = N</c>.</summary>
    /// <param name="seconds">Zero or more seconds; zero makes the route dynamic.</param>
    public static RevalidateSetting After(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        return new(true, seconds);
    }
}
