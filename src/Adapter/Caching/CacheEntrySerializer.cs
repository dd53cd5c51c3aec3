using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NextRouteHandlers.Caching;

/// <summary>
/// The stored form of a <see cref="CacheEntry"/> for the file and blob stores: a 4-byte big-endian length, a JSON
/// header (status, headers, times, tags, and the key it belongs to), then the body bytes as they are.
/// </summary>
internal static class CacheEntrySerializer
{
    private const int MaxHeaderLength = 1024 * 1024;

    /// <summary>Writes an entry and the key it is stored under.</summary>
    /// <param name="key">The cache key, kept so that a read can check it got the entry it asked for.</param>
    /// <param name="entry">The entry.</param>
    public static byte[] Serialize(string key, CacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var header = JsonSerializer.SerializeToUtf8Bytes(
            new StoredHeader(key, entry.Status, entry.Headers.Select(h => new[] { h.Key, h.Value }).ToArray(), entry.LastModified.ToUnixTimeMilliseconds(), entry.Revalidate, entry.Expire, [.. entry.Tags]),
            CacheJsonContext.Default.StoredHeader);
        var bytes = new byte[4 + header.Length + entry.Body.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, header.Length);
        header.CopyTo(bytes, 4);
        entry.Body.CopyTo(bytes, 4 + header.Length);
        return bytes;
    }

    /// <summary>Reads an entry; null when the bytes are not an entry for <paramref name="key"/> (corrupt or a hash collision).</summary>
    /// <param name="key">The key the caller asked for.</param>
    /// <param name="bytes">The stored bytes.</param>
    public static CacheEntry? Deserialize(string key, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4) return null;
        var headerLength = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (headerLength <= 0 || headerLength > MaxHeaderLength || headerLength > bytes.Length - 4) return null;
        StoredHeader? header;
        try
        {
            header = JsonSerializer.Deserialize(bytes.Slice(4, headerLength), CacheJsonContext.Default.StoredHeader);
        }
        catch (JsonException)
        {
            return null;
        }

        if (header is null || header.Key != key || header.Headers.Any(h => h.Length != 2)) return null;
        return new CacheEntry
        {
            Status = header.Status,
            Headers = header.Headers.Select(h => new KeyValuePair<string, string>(h[0], h[1])).ToArray(),
            Body = bytes[(4 + headerLength)..].ToArray(),
            LastModified = DateTimeOffset.FromUnixTimeMilliseconds(header.LastModified),
            Revalidate = header.Revalidate,
            Expire = header.Expire,
            Tags = header.Tags,
        };
    }

    internal sealed record StoredHeader(string Key, int Status, string[][] Headers, long LastModified, int? Revalidate, int? Expire, string[] Tags);
}

/// <summary>Source-generated JSON for the cache's stored formats.</summary>
[JsonSerializable(typeof(CacheEntrySerializer.StoredHeader))]
[JsonSerializable(typeof(Dictionary<string, long?[]>))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
