using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NextRouteHandlers.Pipeline;

/// <summary>
/// The on-demand revalidation secret (<c>Cache:RevalidateSecret</c>), Next.js's preview-mode id: a request carrying it
/// in <c>x-prerender-revalidate</c> renders a cached route now. Only its hash is kept, and comparisons take the same
/// time whatever the guess.
/// </summary>
internal sealed class RevalidationSecret
{
    private const string Header = "x-prerender-revalidate";
    private readonly byte[]? _hash;

    /// <summary>Keeps the hash of <paramref name="secret"/>; no secret means no request is ever authorised.</summary>
    /// <param name="secret">The configured secret, or null.</param>
    public RevalidationSecret(string? secret) => _hash = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>True when the request carries the secret.</summary>
    /// <param name="request">The request.</param>
    public bool Authorises(HttpRequest request)
    {
        if (_hash is null || !request.Headers.TryGetValue(Header, out var value)) return false;
        return CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(value.ToString())));
    }
}
