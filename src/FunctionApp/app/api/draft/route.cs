using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace FunctionApp.App.Api;

/// <summary>
/// <c>GET /api/draft?secret=&lt;secret&gt;&amp;slug=/products/1</c>: a CMS's preview link. With the secret (the app
/// setting <c>Draft__Secret</c>) it turns draft mode on for the browser and redirects to the page, which then skips the
/// response cache and renders fresh for this browser only. <c>DELETE /api/draft</c> turns it off.
/// </summary>
public static class DraftRoute
{
    public static Response GET(NextRequest request, IConfiguration configuration)
    {
        var secret = configuration["Draft:Secret"];
        var given = request.NextUrl.SearchParams.Get("secret") ?? string.Empty;
        if (string.IsNullOrEmpty(secret) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(given)))
        {
            return new Response("Invalid token\n", new ResponseInit { Status = 401 });
        }

        // Only redirect within the app: a slug is a path, never another site.
        var slug = request.NextUrl.SearchParams.Get("slug") ?? "/";
        if (!slug.StartsWith('/') || slug.StartsWith("//", StringComparison.Ordinal) || slug.Contains('\\')) slug = "/";
        Next.DraftMode().Enable();
        return Next.Redirect(slug);
    }

    public static Response DELETE()
    {
        Next.DraftMode().Disable();
        return new Response("Draft mode is disabled\n");
    }
}
