namespace NextRouteHandlers.Caching;

/// <summary>The response cache's options, bound from the <c>Cache</c> configuration section (<c>Cache__Store</c> as an environment variable).</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cache";

    /// <summary><c>FileSystem</c> (default), <c>Memory</c> or <c>AzureBlob</c>.</summary>
    public CacheStoreKind Store { get; set; } = CacheStoreKind.FileSystem;

    /// <summary>Identifies a build: entries of another build are never served. Defaults to the app assembly's version id, which changes when the code does.</summary>
    public string? BuildId { get; set; }

    /// <summary>The secret that makes <c>x-prerender-revalidate</c> regenerate a path on demand; unset turns the header off.</summary>
    public string? RevalidateSecret { get; set; }

    /// <summary>
    /// The key of draft mode's id, the value of the <c>__prerender_bypass</c> cookie (an HMAC of the build id, so the
    /// cookie reveals no secret). Unset: <see cref="RevalidateSecret"/> is the key; with neither, the id is random and
    /// known to one instance only, until it restarts.
    /// </summary>
    public string? DraftModeSecret { get; set; }

    /// <summary>Seconds after which an entry with a time-based lifetime is not served at all (Next.js's <c>expireTime</c>); one year by default.</summary>
    public int ExpireTime { get; set; } = CachePolicy.OneYear;

    /// <summary>
    /// How long an instance may use tag state it read before reading it again; with the read itself, the longest delay
    /// before an invalidation made on another instance is honoured here. Half a second by default.
    /// </summary>
    public TimeSpan TagRefreshInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one store operation may take before the cache gives up on it and serves without it. Two seconds by default.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait before regenerating a key again after a regeneration failed. Ten seconds by default.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// While another instance renders an entry a request here waits for, how often this instance looks for its result
    /// in the shared store. A tenth of a second by default.
    /// </summary>
    public TimeSpan RegenerationPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a request waits for another instance's render before this instance renders itself (the other may
    /// have died holding the lock). Thirty seconds by default.
    /// </summary>
    public TimeSpan RegenerationWaitLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The per-instance memory cache (the <c>Memory</c> store, or the L1 in front of the others).</summary>
    public MemoryStoreOptions Memory { get; set; } = new();

    /// <summary>The <c>FileSystem</c> store.</summary>
    public FileSystemStoreOptions FileSystem { get; set; } = new();

    /// <summary>The <c>AzureBlob</c> store.</summary>
    public AzureBlobStoreOptions AzureBlob { get; set; } = new();

    /// <summary>Behaviour behind a CDN (Azure Front Door): the header profile and purge on revalidation. Off by default.</summary>
    public CdnOptions Cdn { get; set; } = new();
}

/// <summary>Options of the memory cache.</summary>
public sealed class MemoryStoreOptions
{
    /// <summary>The most entry bytes to keep in memory; 64 MiB by default.</summary>
    public long SizeLimitBytes { get; set; } = 64L * 1024 * 1024;
}

/// <summary>Options of the file-system store.</summary>
public sealed class FileSystemStoreOptions
{
    /// <summary>
    /// The folder of the entries. Default: <c>.route-cache</c> in the app's folder, or in the temporary folder under the
    /// Functions host (where the app folder is read-only).
    /// </summary>
    public string? Path { get; set; }
}

/// <summary>Options of the Azure Blob Storage store.</summary>
public sealed class AzureBlobStoreOptions
{
    /// <summary>A connection string (Azurite: <c>UseDevelopmentStorage=true</c>). In Azure, use <see cref="ServiceUri"/> and a managed identity instead.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob endpoint (<c>https://account.blob.core.windows.net</c>), authenticated with <c>DefaultAzureCredential</c>.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>The blob container of entries, tag state and regeneration locks; <c>isr-cache</c> by default.</summary>
    public string Container { get; set; } = "isr-cache";
}
