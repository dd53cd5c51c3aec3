using System.Security.Cryptography;
using System.Text;

namespace NextRouteHandlers.Diagnostics;

/// <summary>
/// A cache key as a span may carry it: the first 8 bytes of its SHA-256 in hex. A key holds the request's path, which
/// can be user data (<c>/users/alice</c>); the hash still tells spans of one key apart and joins them with logs of it.
/// </summary>
internal static class CacheKeyHash
{
    public static string Of(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
