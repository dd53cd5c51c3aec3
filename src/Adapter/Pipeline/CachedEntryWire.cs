using System.Runtime.CompilerServices;
using NextRouteHandlers.Caching;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// What sending a cached entry needs beyond its headers, worked out once per entry rather than on every hit: the
/// <c>Cache-Control</c> the cache adds (null when the handler set its own) and whether gzip applies. Held beside the
/// entry in a weak table, so it lives exactly as long as the entry does.
/// </summary>
internal sealed class CachedEntryWire
{
    private static readonly ConditionalWeakTable<CacheEntry, CachedEntryWire> ByEntry = new();

    private CachedEntryWire(string? cacheControl, bool compressible)
    {
        CacheControl = cacheControl;
        Compressible = compressible;
    }

    /// <summary>The <c>Cache-Control</c> to add, or null when the entry carries one.</summary>
    public string? CacheControl { get; }

    /// <summary>True when the entry's content may be gzipped (the <c>compress</c> rules of <see cref="Compression"/>).</summary>
    public bool Compressible { get; }

    public static CachedEntryWire Of(CacheEntry entry) => ByEntry.GetValue(entry, static e => Create(e));

    private static CachedEntryWire Create(CacheEntry entry)
    {
        string? own = null, contentType = null;
        var encoded = false;
        foreach (var (name, value) in entry.Headers)
        {
            switch (name)
            {
                case "cache-control": own ??= value; break;
                case "content-type": contentType ??= value; break;
                case "content-encoding": encoded = true; break;
            }
        }

        var cacheControl = own ?? CachePolicy.CacheControl(entry);
        return new CachedEntryWire(own is null ? cacheControl : null, Compression.IsCompressible(entry.Status, entry.Body.Length > 0, encoded, cacheControl, contentType));
    }
}
