using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace FunctionApp.App.Api;

/// <summary>
/// <c>POST /api/webhook</c>: verifies the sender's HMAC-SHA256 signature (<c>X-Signature: sha256=&lt;hex&gt;</c>) of
/// the raw body in constant time before trusting it. The secret comes from configuration (<c>Webhook:Secret</c>,
/// or the app setting <c>Webhook__Secret</c>): services such as <c>IConfiguration</c> are handler parameters.
/// </summary>
public static class WebhookRoute
{
    public static async Task<Response> POST(NextRequest request, IConfiguration configuration)
    {
        var secret = configuration["Webhook:Secret"];
        if (string.IsNullOrEmpty(secret)) return new Response("Webhook:Secret is not configured.\n", new ResponseInit { Status = 503 });

        var body = await request.ArrayBuffer();
        var expected = Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        var received = Encoding.ASCII.GetBytes(request.Headers.Get("x-signature") ?? string.Empty);
        if (!CryptographicOperations.FixedTimeEquals(expected, received)) return new Response("invalid signature\n", new ResponseInit { Status = 401 });

        return new Response("Webhook received.\n");
    }
}
