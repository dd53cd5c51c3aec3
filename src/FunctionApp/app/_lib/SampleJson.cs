using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionApp;

// Files under a folder starting with '_' are private: never routed, free for shared code.

/// <summary>A greeting.</summary>
public sealed record Greeting(string Message);

/// <summary>An error message.</summary>
public sealed record ErrorBody(string Error);

/// <summary>An item looked up by its slug.</summary>
public sealed record Item(string Slug, string Pathname);

/// <summary>The segments of a docs path.</summary>
public sealed record DocPath(string[] Segments);

/// <summary>What the cookies route read.</summary>
public sealed record CookieReport(string Theme, string Visits);

/// <summary>A search query.</summary>
public sealed record SearchQuery(string Query, string[] Tags);

/// <summary>An order posted as a form.</summary>
public sealed record Order(string Name, int Quantity);

/// <summary>When a cached response was rendered.</summary>
public sealed record RenderedAt(DateTimeOffset At);

/// <summary>A product page's data.</summary>
public sealed record Product(string Id, DateTimeOffset RenderedAt);

/// <summary>A value made for one request.</summary>
public sealed record Nonce(string Value);

/// <summary>Source-generated JSON metadata: no reflection, ready for trimming and Native AOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(DocPath))]
[JsonSerializable(typeof(CookieReport))]
[JsonSerializable(typeof(SearchQuery))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(RenderedAt))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(Nonce))]
public sealed partial class SampleJson : JsonSerializerContext;
