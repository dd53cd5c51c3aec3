using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ConformanceApp.App;

/// <summary>Port of app/webhook/route.ts: verifies an HMAC-SHA256 signature of the raw body in constant time.</summary>
public static class WebhookRoute
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("conformance-secret");

    public static async Task<Response> POST(NextRequest request)
    {
        var raw = await request.Text();
        var header = Encoding.UTF8.GetBytes(request.Headers.Get("x-signature") ?? string.Empty);
        var expected = Encoding.UTF8.GetBytes("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(raw))));
        if (!CryptographicOperations.FixedTimeEquals(header, expected))
        {
            return Response.Json(new { ok = false, error = "invalid signature" }, new ResponseInit { Status = 401 });
        }

        using var payload = JsonDocument.Parse(raw);
        var type = payload.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        return Response.Json(new { ok = true, type });
    }
}
