using System.Text.Json.Serialization;

namespace NextRouteHandlers.Cdn;

/// <summary>Source-generated JSON of the CDN parts (Native AOT has no reflection-based serializer).</summary>
[JsonSerializable(typeof(PurgeJob))]
[JsonSerializable(typeof(FrontDoorPurgeBody))]
[JsonSerializable(typeof(FrontDoorOperationStatus))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class CdnJsonContext : JsonSerializerContext;
