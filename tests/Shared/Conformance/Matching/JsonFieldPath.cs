using System.Globalization;
using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A dotted path into a JSON value, as <c>body.fields</c> names one (<c>a.b</c>, <c>items.0.id</c>): a part selects a
/// key of an object, or an index of a list (negative from the end, as in Python).
/// </summary>
public static class JsonFieldPath
{
    /// <summary>Finds the value at <paramref name="dottedPath"/>.</summary>
    /// <param name="root">The parsed body.</param>
    /// <param name="dottedPath">The path.</param>
    /// <param name="value">The value found.</param>
    /// <returns>Whether the path leads to a value.</returns>
    public static bool TryGet(JsonNode? root, string dottedPath, out JsonNode? value)
    {
        var current = root;
        foreach (var part in dottedPath.Split('.'))
        {
            if (current is JsonArray list)
            {
                if (!int.TryParse(part.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)) return Fail(out value);
                var position = index < 0 ? list.Count + index : index;
                if (position < 0 || position >= list.Count) return Fail(out value);
                current = list[position];
            }
            else if (current is JsonObject obj && obj.TryGetPropertyValue(part, out var inner))
            {
                current = inner;
            }
            else
            {
                return Fail(out value);
            }
        }

        value = current;
        return true;
    }

    private static bool Fail(out JsonNode? value)
    {
        value = null;
        return false;
    }
}
