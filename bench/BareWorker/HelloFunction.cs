using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace BareWorker;

/// <summary><c>GET /api/hello</c> written straight to the response, the least a function can do for that answer.</summary>
public sealed class HelloFunction
{
    private static readonly byte[] Hello = JsonSerializer.SerializeToUtf8Bytes(new HelloBody("world"), BareJson.Default.HelloBody);

    /// <summary>Answers <c>{"hello":"world"}</c>.</summary>
    /// <param name="request">The request the host forwarded.</param>
    [Function("hello")]
    public static Task RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/hello")] HttpRequest request)
    {
        var response = request.HttpContext.Response;
        response.ContentType = "application/json";
        response.ContentLength = Hello.Length;
        return response.Body.WriteAsync(Hello).AsTask();
    }
}

/// <summary>The body of <c>/api/hello</c>.</summary>
/// <param name="Value">The greeting.</param>
public sealed record HelloBody([property: JsonPropertyName("hello")] string Value);

/// <summary>Source-generated JSON for the bare worker.</summary>
[JsonSerializable(typeof(HelloBody))]
internal sealed partial class BareJson : JsonSerializerContext;
