using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NextRouteHandlers.Routing;

/// <summary>
/// The dynamic segments of the matched URL (<c>await ctx.params</c> in Next.js), percent-decoded. A <c>[id]</c>
/// parameter has one value, a catch-all has one value per URL segment, and an absent optional catch-all is not
/// present at all. Serialised to JSON, it is the object Next.js would return (<c>{"id":"1","slug":["a","b"]}</c>).
/// </summary>
[JsonConverter(typeof(RouteParamsJsonConverter))]
public sealed class RouteParams : IEnumerable<RouteParam>
{
    private readonly RouteParam[] _params;

    /// <summary>Creates the parameters of one match.</summary>
    /// <param name="params">The parameters in URL order.</param>
    public RouteParams(IEnumerable<RouteParam> @params)
    {
        ArgumentNullException.ThrowIfNull(@params);
        _params = @params.ToArray();
    }

    /// <summary>No parameters, as for a static route.</summary>
    public static RouteParams Empty { get; } = new([]);

    /// <summary>The number of parameters present.</summary>
    public int Count => _params.Length;

    /// <summary>The value of a <c>[name]</c> parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <exception cref="KeyNotFoundException">The route has no such parameter, or an optional catch-all was absent.</exception>
    /// <exception cref="InvalidOperationException">The parameter is a catch-all; use <see cref="GetAll"/>.</exception>
    public string this[string name]
    {
        get
        {
            var param = Find(name) ?? throw new KeyNotFoundException($"The route has no parameter '{name}'.");
            if (param.IsCatchAll) throw new InvalidOperationException($"'{name}' is a catch-all parameter with several values; read it with GetAll(\"{name}\").");
            return param.Values[0];
        }
    }

    /// <summary>The values of a parameter: one per URL segment for a catch-all, one for <c>[name]</c>, none when absent.</summary>
    /// <param name="name">The parameter name.</param>
    public IReadOnlyList<string> GetAll(string name) => Find(name)?.Values ?? [];

    /// <summary>True when the parameter is present (false for an absent optional catch-all).</summary>
    /// <param name="name">The parameter name.</param>
    public bool Has(string name) => Find(name) is not null;

    /// <summary>Reads a <c>[name]</c> parameter without throwing.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, when the result is true.</param>
    public bool TryGet(string name, out string value)
    {
        var param = Find(name);
        value = param is { IsCatchAll: false } ? param.Values[0] : string.Empty;
        return param is { IsCatchAll: false };
    }

    /// <inheritdoc />
    public IEnumerator<RouteParam> GetEnumerator() => ((IEnumerable<RouteParam>)_params).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private RouteParam? Find(string name)
    {
        foreach (var param in _params)
        {
            if (param.Name == name) return param;
        }

        return null;
    }
}

/// <summary>One parameter of a matched route.</summary>
/// <param name="Name">The parameter name, as in the folder name.</param>
/// <param name="IsCatchAll">True for <c>[...name]</c> and <c>[[...name]]</c>, whose value is an array.</param>
/// <param name="Values">The decoded values: exactly one unless <paramref name="IsCatchAll"/>.</param>
public sealed record RouteParam(string Name, bool IsCatchAll, IReadOnlyList<string> Values);

/// <summary>Writes <see cref="RouteParams"/> as the JSON object Next.js gives for <c>params</c>; reading is not supported.</summary>
public sealed class RouteParamsJsonConverter : JsonConverter<RouteParams>
{
    /// <inheritdoc />
    public override RouteParams Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Route parameters come from the URL and are not read from JSON.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RouteParams value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var param in value)
        {
            if (!param.IsCatchAll)
            {
                writer.WriteString(param.Name, param.Values[0]);
                continue;
            }

            writer.WriteStartArray(param.Name);
            foreach (var item in param.Values) writer.WriteStringValue(item);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
