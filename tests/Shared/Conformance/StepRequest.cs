using System.Text;
using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// Turns a step's <c>request</c> object into the <see cref="WireRequest"/> to send: placeholders substituted in the
/// path and the header values (<c>{{stepN.header}}</c> from the earlier responses), header order kept, the body from
/// <c>bodyBase64</c> or else <c>body</c> (UTF-8), sent as is.
/// </summary>
public static class StepRequest
{
    /// <summary>The request of <paramref name="step"/>.</summary>
    /// <param name="step">The step.</param>
    /// <param name="target">The server.</param>
    /// <param name="prior">The responses of the case's earlier steps.</param>
    public static WireRequest Build(CaseStep step, ReplayTarget target, IReadOnlyList<WireResponse> prior)
    {
        var path = Placeholders.Substitute(step.Path, target, prior);
        var headers = new List<KeyValuePair<string, string>>();
        if (step.Request["headers"] is JsonObject given)
        {
            foreach (var (name, value) in given) headers.Add(new(name, HeaderValue(name, value, target, prior)));
        }

        byte[]? body = null;
        if (JsonTree.AsString(step.Request["bodyBase64"]) is { } base64) body = Convert.FromBase64String(base64);
        else if (JsonTree.AsString(step.Request["body"]) is { } text) body = Encoding.UTF8.GetBytes(text);
        return new WireRequest(step.Method, path, headers, body);
    }

    // http.client sends a string as is and an integer (a boolean is one in Python) as its decimal text.
    private static string HeaderValue(string name, JsonNode? value, ReplayTarget target, IReadOnlyList<WireResponse> prior) => JsonTree.KindOf(value) switch
    {
        JsonKind.String => Placeholders.Substitute(value!.GetValue<string>(), target, prior),
        JsonKind.Integer => value!.ToJsonString(),
        JsonKind.Boolean => value!.GetValue<bool>() ? "True" : "False",
        _ => throw new ArgumentException($"header {name}: a value must be a string or an integer"),
    };
}
