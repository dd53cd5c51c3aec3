using System.Security.Cryptography;

namespace ConformanceApp.App.Body;

/// <summary>Port of app/body/array-buffer/route.ts.</summary>
public static class ArrayBufferRoute
{
    public static async Task<Response> POST(NextRequest request)
    {
        var bytes = await request.ArrayBuffer();
        return Response.Json(new { byteLength = bytes.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), first4 = bytes.Take(4).Select(b => (int)b) });
    }

    public static async Task<Response> PUT(NextRequest request) =>
        new(await request.ArrayBuffer(), new ResponseInit { Headers = { { "content-type", "application/octet-stream" } } });
}
