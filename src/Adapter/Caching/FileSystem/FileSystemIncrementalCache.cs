using System.Security.Cryptography;
using System.Text;

namespace NextRouteHandlers.Caching.FileSystem;

/// <summary>
/// Entries as files under one folder, like <c>.next/cache</c>: the zero-configuration default. Survives restarts,
/// serves one instance. File names are a SHA-256 of the key, so no key can name a path outside the folder; each
/// file also records its key, so a read never returns another key's entry. Writes go to a temporary file that is
/// then renamed over the old one, so a reader sees the old entry or the new one, never a partial write.
/// </summary>
internal sealed class FileSystemIncrementalCache : IIncrementalCache
{
    private readonly string _root;

    /// <summary>Creates the store, creating the folder if needed.</summary>
    /// <param name="root">The folder holding the entries.</param>
    public FileSystemIncrementalCache(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public async ValueTask<CacheEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return CacheEntrySerializer.Deserialize(key, bytes);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, CacheEntry entry, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, CacheEntrySerializer.Serialize(key, entry), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private string PathOf(string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(_root, hash[..2], hash + ".entry");
    }
}
