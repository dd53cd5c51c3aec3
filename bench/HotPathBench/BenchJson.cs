using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotPathBench;

/// <summary>A greeting.</summary>
public sealed record Hello(string Hi);

/// <summary>An item with its query.</summary>
public sealed record Item(string Slug, string? Q);

/// <summary>The body of the echo route.</summary>
public sealed record Payload(string Name, int Count);

/// <summary>Source-generated JSON for the benchmark routes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Payload))]
public sealed partial class BenchJson : JsonSerializerContext;
