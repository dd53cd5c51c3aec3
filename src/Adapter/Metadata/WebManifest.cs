using System.Text.Json.Serialization;

namespace NextRouteHandlers.Metadata;

/// <summary>What <c>app/manifest.cs</c> returns (<c>MetadataRoute.Manifest</c>): served as <c>/manifest.webmanifest</c>.</summary>
public sealed record WebManifest
{
    /// <summary>The app's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A short name for small spaces.</summary>
    [JsonPropertyName("short_name")]
    public string? ShortName { get; init; }

    /// <summary>What the app does.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The URL the app starts at.</summary>
    [JsonPropertyName("start_url")]
    public string? StartUrl { get; init; }

    /// <summary><c>fullscreen</c>, <c>standalone</c>, <c>minimal-ui</c> or <c>browser</c>.</summary>
    [JsonPropertyName("display")]
    public string? Display { get; init; }

    /// <summary>The background colour while loading.</summary>
    [JsonPropertyName("background_color")]
    public string? BackgroundColor { get; init; }

    /// <summary>The theme colour.</summary>
    [JsonPropertyName("theme_color")]
    public string? ThemeColor { get; init; }

    /// <summary>The app's icons.</summary>
    [JsonPropertyName("icons")]
    public IReadOnlyList<WebManifestIcon>? Icons { get; init; }
}

/// <summary>An icon of a <see cref="WebManifest"/>.</summary>
/// <param name="Src">The icon URL.</param>
public sealed record WebManifestIcon([property: JsonPropertyName("src")] string Src)
{
    /// <summary>Sizes such as <c>192x192</c>.</summary>
    [JsonPropertyName("sizes")]
    public string? Sizes { get; init; }

    /// <summary>The image type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary><c>any</c>, <c>maskable</c> or <c>monochrome</c>.</summary>
    [JsonPropertyName("purpose")]
    public string? Purpose { get; init; }
}

/// <summary>Source-generated JSON metadata for the manifest: no reflection, safe for Native AOT.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebManifest))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
