using System.Collections;
using System.Globalization;

namespace NextRouteHandlers.Http;

/// <summary>
/// The entries of a form body (<c>await request.formData()</c>), in the order sent; a name may repeat. Values
/// are strings or files. <see cref="Get{T}"/> converts a field and answers 400 when it cannot, the C# answer to
/// validating with zod-form-data.
/// </summary>
public sealed class FormData : IEnumerable<FormDataEntry>
{
    private readonly List<FormDataEntry> _entries;

    /// <summary>Creates a form from its entries.</summary>
    /// <param name="entries">The entries, in order.</param>
    public FormData(IEnumerable<FormDataEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToList();
    }

    /// <summary>The first entry named <paramref name="name"/>, or null (<c>form.get(name)</c>).</summary>
    /// <param name="name">The field name.</param>
    public FormDataEntry? Get(string name) => _entries.Find(e => e.Name == name);

    /// <summary>Every entry named <paramref name="name"/>, in order (<c>form.getAll(name)</c>).</summary>
    /// <param name="name">The field name.</param>
    public IReadOnlyList<FormDataEntry> GetAll(string name) => _entries.Where(e => e.Name == name).ToArray();

    /// <summary>True when a field named <paramref name="name"/> was sent.</summary>
    /// <param name="name">The field name.</param>
    public bool Has(string name) => _entries.Exists(e => e.Name == name);

    /// <summary>The text of the first field named <paramref name="name"/>, or null when absent or a file.</summary>
    /// <param name="name">The field name.</param>
    public string? GetString(string name) => Get(name)?.Value;

    /// <summary>The first file named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The field name.</param>
    public FormFile? GetFile(string name) => Get(name)?.File;

    /// <summary>The first field named <paramref name="name"/> converted to <typeparamref name="T"/> (invariant culture).</summary>
    /// <typeparam name="T">A parsable type: <c>int</c>, <c>decimal</c>, <c>DateOnly</c>, <c>Guid</c>, ...</typeparam>
    /// <param name="name">The field name.</param>
    /// <exception cref="FormFieldException">The field is missing, is a file, or does not convert; the client gets a 400.</exception>
    public T Get<T>(string name)
        where T : IParsable<T>
    {
        var text = GetString(name) ?? throw new FormFieldException(name, Has(name) ? $"Form field '{name}' must be text, not a file." : $"Form field '{name}' is required.");
        if (T.TryParse(text, CultureInfo.InvariantCulture, out var value)) return value;
        throw new FormFieldException(name, $"Form field '{name}' must be {Describe(typeof(T))}; got '{text}'.");
    }

    /// <summary>Like <see cref="Get{T}"/>, but a missing or empty field gives <paramref name="fallback"/>.</summary>
    /// <typeparam name="T">A parsable type.</typeparam>
    /// <param name="name">The field name.</param>
    /// <param name="fallback">The value when the field is absent or empty.</param>
    /// <exception cref="FormFieldException">The field is present but does not convert.</exception>
    public T GetOrDefault<T>(string name, T fallback)
        where T : IParsable<T> =>
        string.IsNullOrEmpty(GetString(name)) && GetFile(name) is null ? fallback : Get<T>(name);

    /// <inheritdoc />
    public IEnumerator<FormDataEntry> GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(Guid) => "a GUID",
        _ when type == typeof(DateOnly) => "a date (yyyy-MM-dd)",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "a date and time",
        _ => "a valid " + type.Name,
    };
}
