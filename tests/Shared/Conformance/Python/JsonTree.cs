using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// JSON values as replay.py sees them. Case files and response bodies are read the way Python's <c>json.loads</c>
/// reads them (a repeated key keeps its first position and its last value), and values compare with Python's
/// <c>==</c>: objects regardless of key order, <c>1 == 1.0</c>, and <c>true == 1</c>.
/// </summary>
public static class JsonTree
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 1000 };
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses JSON text; throws <see cref="JsonException"/> when it is not JSON.</summary>
    /// <param name="text">The text.</param>
    public static JsonNode? Parse(string text)
    {
        // json.loads refuses a leading byte order mark in a str.
        if (text.StartsWith('\uFEFF')) throw new JsonException("Unexpected UTF-8 BOM");
        using var document = JsonDocument.Parse(text, ReadOptions);
        return Copy(document.RootElement);
    }

    /// <summary>The value's type under Python's rules.</summary>
    /// <param name="value">The value; <see langword="null"/> is JSON <c>null</c>.</param>
    public static JsonKind KindOf(JsonNode? value) => value switch
    {
        null => JsonKind.Null,
        JsonObject => JsonKind.Object,
        JsonArray => JsonKind.Array,
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonKind.String,
            JsonValueKind.True or JsonValueKind.False => JsonKind.Boolean,
            JsonValueKind.Number => IsIntegerLiteral(value.ToJsonString()) ? JsonKind.Integer : JsonKind.Float,
            _ => JsonKind.Null,
        },
    };

    /// <summary>Whether the kind is one Python counts as a number in comparisons (booleans included).</summary>
    /// <param name="kind">The kind.</param>
    public static bool IsNumeric(JsonKind kind) => kind is JsonKind.Integer or JsonKind.Float or JsonKind.Boolean;

    /// <summary>The string inside <paramref name="value"/>, or <see langword="null"/> when it is not a string.</summary>
    /// <param name="value">The value.</param>
    public static string? AsString(JsonNode? value) => KindOf(value) == JsonKind.String ? value!.GetValue<string>() : null;

    /// <summary>The value of a JSON number (however the node was made: parsed, or created in code).</summary>
    /// <param name="value">A number.</param>
    public static double ToDouble(JsonNode value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value of a JSON integer, such as a step index.</summary>
    /// <param name="value">An integer.</param>
    /// <exception cref="FormatException">The value is not an integer.</exception>
    public static int ToInt(JsonNode value) => int.Parse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>Python's truth value of a JSON value (<c>bool(x)</c>): false for null, false, 0, "", [] and {}.</summary>
    /// <param name="value">The value.</param>
    public static bool IsTruthy(JsonNode? value) => KindOf(value) switch
    {
        JsonKind.Null => false,
        JsonKind.Boolean => value!.GetValue<bool>(),
        JsonKind.Integer or JsonKind.Float => Number(value) is var n && !(n.Integer is { } i ? i.IsZero : n.Float == 0),
        JsonKind.String => value!.GetValue<string>().Length > 0,
        JsonKind.Array => ((JsonArray)value!).Count > 0,
        _ => ((JsonObject)value!).Count > 0,
    };

    /// <summary>Python's <c>==</c> between two JSON values.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool PythonEquals(JsonNode? left, JsonNode? right)
    {
        var (l, r) = (KindOf(left), KindOf(right));
        if (IsNumeric(l) || IsNumeric(r)) return IsNumeric(l) && IsNumeric(r) && NumbersEqual(Number(left), Number(right));
        if (l != r) return false;
        switch (l)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonKind.Array:
                var (la, ra) = ((JsonArray)left!, (JsonArray)right!);
                if (la.Count != ra.Count) return false;
                for (var i = 0; i < la.Count; i++)
                {
                    if (!PythonEquals(la[i], ra[i])) return false;
                }

                return true;
            default:
                var (lo, ro) = ((JsonObject)left!, (JsonObject)right!);
                if (lo.Count != ro.Count) return false;
                foreach (var (key, value) in lo)
                {
                    if (!ro.TryGetPropertyValue(key, out var other) || !PythonEquals(value, other)) return false;
                }

                return true;
        }
    }

    /// <summary>Whether the value is a marker: an object with exactly one key, which starts with <c>$</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="key">The marker's key.</param>
    /// <param name="argument">The marker's value.</param>
    public static bool IsMarker(JsonNode? value, out string key, out JsonNode? argument)
    {
        if (value is JsonObject { Count: 1 } single)
        {
            var (name, inner) = single.First();
            if (name.StartsWith('$'))
            {
                (key, argument) = (name, inner);
                return true;
            }
        }

        (key, argument) = (string.Empty, null);
        return false;
    }

    /// <summary>A copy of a value, so it can be placed into another tree.</summary>
    /// <param name="value">The value.</param>
    public static JsonNode? Clone(JsonNode? value) => value?.DeepClone();

    /// <summary>Compact JSON text of a value for messages, cut after <paramref name="limit"/> characters.</summary>
    /// <param name="value">The value.</param>
    /// <param name="limit">The most characters to show.</param>
    public static string Show(JsonNode? value, int limit = 200)
    {
        var text = value is null ? "null" : value.ToJsonString(WriteOptions);
        return text.Length <= limit ? text : text[..limit] + "...";
    }

    /// <summary>A string as compact JSON text (quoted, escaped), or <c>null</c>, for messages.</summary>
    /// <param name="value">The string.</param>
    /// <param name="limit">The most characters of <paramref name="value"/> to show.</param>
    public static string Show(string? value, int limit = 200) =>
        value is null ? "null" : JsonSerializer.Serialize(value.Length <= limit ? value : value[..limit] + "...", WriteOptions);

    private static JsonNode? Copy(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject()) obj[property.Name] = Copy(property.Value);
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray()) array.Add(Copy(item));
                return array;
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    private static bool IsIntegerLiteral(string raw) => raw.AsSpan().IndexOfAny(".eE") < 0;

    private static (BigInteger? Integer, double Float) Number(JsonNode? value)
    {
        if (KindOf(value) == JsonKind.Boolean) return (value!.GetValue<bool>() ? BigInteger.One : BigInteger.Zero, 0);
        var raw = value!.ToJsonString();
        return IsIntegerLiteral(raw)
            ? (BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), 0)
            : (null, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    // Python compares an int with a float exactly: 2**53 + 1 != 9007199254740992.0.
    private static bool NumbersEqual((BigInteger? Integer, double Float) a, (BigInteger? Integer, double Float) b) => (a.Integer, b.Integer) switch
    {
        ({ } x, { } y) => x == y,
        ({ } x, null) => double.IsInteger(b.Float) && new BigInteger(b.Float) == x,
        (null, { } y) => double.IsInteger(a.Float) && new BigInteger(a.Float) == y,
        _ => a.Float == b.Float,
    };
}
