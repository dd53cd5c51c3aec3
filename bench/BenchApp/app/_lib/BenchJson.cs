using System.Text.Json;
using System.Text.Json.Serialization;

namespace BenchApp;

// Under a private '_lib' folder: shared code, never routed. The bodies match bench/Baseline's byte for byte.

/// <summary>The body of <c>/api/hello</c> and <c>/api/static</c>.</summary>
internal sealed record Hello([property: JsonPropertyName("hello")] string Value);

/// <summary>The body of <c>/api/items/[slug]</c>.</summary>
internal sealed record Item(string Slug, string? Q);

/// <summary>The body of a generated <c>/r/{i}/items/[id]</c> route.</summary>
internal sealed record Routed(int Route, string Id);

/// <summary>A product of the Zipf cache benchmark; the description pads the entry to about a kilobyte.</summary>
internal sealed record Product(string Id, string Name, string Description);

/// <summary>Source-generated JSON, as in bench/Baseline: no reflection, ready for Native AOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Routed))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(CacheStats))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BenchJson : JsonSerializerContext;
