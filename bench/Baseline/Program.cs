using System.Text.Json;
using System.Text.Json.Serialization;
using Baseline;

// A bare minimal API with the endpoints of bench/BenchApp. Environment: PORT (default 5100) and ROUTES (how many
// extra /r/{i}/items/{id} routes to map, default 0), as the benchmark driver sets them.
var builder = WebApplication.CreateSlimBuilder(args);
// Logging as bench/BenchApp has it (and as any app that reports its errors does): the console at Warning. With no
// logger at all, ASP.NET Core skips its per-request diagnostics (an Activity and a log scope for every request, about
// 2 µs), which would make the baseline cheaper than the same app with logging on.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.WebHost.UseUrls("http://127.0.0.1:" + (Environment.GetEnvironmentVariable("PORT") ?? "5100"));
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));

var app = builder.Build();

app.MapGet("/api/hello", () => TypedResults.Ok(new Hello("world")));
app.MapGet("/api/items/{slug}", (string slug, string? q) => TypedResults.Ok(new Item(slug, q)));
app.MapPost("/api/echo", (JsonElement body) => TypedResults.Ok(body));

// The best a cache hit can cost: bytes serialized once, sent with the headers the adapter's force-static answer
// carries (the performance issue compares the two on the same bytes): Next.js's cache status, and the Vary of a
// response that could have been compressed.
var staticBytes = JsonSerializer.SerializeToUtf8Bytes(new Hello("static"), BaselineJson.Default.Hello);
app.MapGet("/api/static", (HttpResponse response) =>
{
    response.Headers.CacheControl = "s-maxage=31536000";
    response.Headers.Vary = "Accept-Encoding";
    response.Headers["x-nextjs-cache"] = "HIT";
    return TypedResults.Bytes(staticBytes, "application/json");
});

var extra = int.TryParse(Environment.GetEnvironmentVariable("ROUTES"), out var count) ? count : 0;
for (var i = 0; i < extra; i++)
{
    var route = i;
    app.MapGet($"/r/{route}/items/{{id}}", (string id) => TypedResults.Ok(new Routed(route, id)));
}

await app.RunAsync();

namespace Baseline
{
    /// <summary>The body of <c>/api/hello</c> and <c>/api/static</c>.</summary>
    internal sealed record Hello([property: JsonPropertyName("hello")] string Value);

    /// <summary>The body of <c>/api/items/{slug}</c>.</summary>
    internal sealed record Item(string Slug, string? Q);

    /// <summary>The body of a generated <c>/r/{i}/items/{id}</c> route.</summary>
    internal sealed record Routed(int Route, string Id);

    /// <summary>Source-generated JSON: no reflection, so the same code runs JIT and Native AOT.</summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(Hello))]
    [JsonSerializable(typeof(Item))]
    [JsonSerializable(typeof(Routed))]
    [JsonSerializable(typeof(JsonElement))]
    internal sealed partial class BaselineJson : JsonSerializerContext;
}
