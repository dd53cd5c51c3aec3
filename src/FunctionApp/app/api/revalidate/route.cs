using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using NextRouteHandlers.Caching;

namespace FunctionApp.App.Api;

/// <summary>
/// <c>POST /api/revalidate?tag=products</c> (or <c>?path=/products/1</c>) with <c>Authorization: Bearer &lt;secret&gt;</c>:
/// on-demand revalidation, for a CMS webhook. The secret is the app setting <c>Revalidate__Secret</c>. Every instance
/// of the app honours it within about a second.
/// </summary>
public static class RevalidateRoute
{
    public static Response POST(NextRequest request, IConfiguration configuration)
    {
        var secret = configuration["Revalidate:Secret"];
        var given = request.Headers.Get("authorization") ?? string.Empty;
        if (string.IsNullOrEmpty(secret) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes("Bearer " + secret), Encoding.UTF8.GetBytes(given)))
        {
            return new Response("unauthorized\n", new ResponseInit { Status = 401 });
        }

        var search = request.NextUrl.SearchParams;
        if (search.Get("tag") is { Length: > 0 } tag) Next.RevalidateTag(tag, "max");
        else if (search.Get("path") is { Length: > 0 } path) Next.RevalidatePath(path);
        else return new Response("pass ?tag= or ?path=\n", new ResponseInit { Status = 400 });

        return new Response("revalidated\n");
    }
}
