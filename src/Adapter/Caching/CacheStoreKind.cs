namespace NextRouteHandlers.Caching;

/// <summary>Where cached responses are kept (<c>Cache:Store</c>).</summary>
public enum CacheStoreKind
{
    /// <summary>Files under <c>Cache:FileSystem:Path</c>: the default; one instance, survives restarts.</summary>
    FileSystem,

    /// <summary>This process's memory: one instance, lost on restart.</summary>
    Memory,

    /// <summary>Azure Blob Storage (entries, tag state, locks in one container): shared by every instance.</summary>
    AzureBlob,
}
