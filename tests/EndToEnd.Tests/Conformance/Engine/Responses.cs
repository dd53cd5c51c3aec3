using System.Text;
using System.Text.Json.Nodes;
using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>Made-up responses and the checks of one step against them, for the matcher tests (no server involved).</summary>
internal static class Responses
{
    /// <summary>The server the made-up responses come from.</summary>
    public static readonly ReplayTarget Target = new(new Uri("http://127.0.0.1:3131/"));

    /// <summary>The adapter profile's origin normalization for <see cref="Target"/>.</summary>
    public static readonly Func<string, string> Origin = new OriginNormalizer(["localhost", "127.0.0.1"], "ORIGIN").Normalize;

    /// <summary>A response with these header lines and body, delivered in one read unless <paramref name="reads"/> says otherwise.</summary>
    public static WireResponse Make(int status = 200, (string Name, string Value)[]? headers = null, string body = "", BodyRead[]? reads = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new WireResponse(
            status,
            "OK",
            (headers ?? []).Select(h => KeyValuePair.Create(h.Name, h.Value)).ToArray(),
            bytes,
            reads ?? (bytes.Length > 0 ? [new BodyRead(5, bytes.Length)] : []),
            4);
    }

    /// <summary>The differences between <paramref name="expectJson"/> and the last of <paramref name="responses"/>.</summary>
    /// <param name="expectJson">A step's <c>expect</c> object as JSON.</param>
    /// <param name="responses">The case's responses so far; the last is checked.</param>
    public static List<string> Check(string expectJson, params WireResponse[] responses) =>
        StepChecker.Check(new StepCheckContext(Target, Origin, responses), (JsonObject)JsonTree.Parse(expectJson)!);
}
