using System.Text;

namespace NextRouteHandlers.Pipeline;

/// <summary>The small HTML page a URL that matches no route gets, with the words of Next.js's default not-found page.</summary>
internal static class NotFoundPage
{
    /// <summary>The page's content type.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The page, encoded once.</summary>
    public static ReadOnlyMemory<byte> Html { get; } = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>404: This page could not be found.</title></head>"
        + "<body style=\"font-family:system-ui,sans-serif;height:100vh;margin:0;display:flex;align-items:center;justify-content:center\">"
        + "<div><h1 style=\"display:inline-block;margin:0 20px 0 0;padding-right:23px;font-size:24px;font-weight:500;border-right:1px solid rgba(0,0,0,.3)\">404</h1>"
        + "<h2 style=\"display:inline-block;font-size:14px;font-weight:400;margin:0\">This page could not be found.</h2></div></body></html>");
}
