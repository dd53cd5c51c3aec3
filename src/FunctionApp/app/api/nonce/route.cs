using System.Security.Cryptography;

namespace FunctionApp.App.Api;

/// <summary>
/// <c>/api/nonce</c>: a value that must be new on every request. <c>await Next.Connection()</c> says this code needs a
/// real request: had the file segment config that caches it (<c>Revalidate = 60</c>, say), the route would still be
/// rendered per request, never prerendered or served from the cache.
/// </summary>
public static class NonceRoute
{
    public static async Task<Response> GET()
    {
        await Next.Connection();
        return Response.Json(new Nonce(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))), SampleJson.Default.Nonce);
    }
}
