using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Urls;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// Runs <c>proxy.cs</c> for a request and applies what it returned, as Next.js applies a middleware result:
/// <c>Next()</c> and <c>Rewrite()</c> add their response headers to the outgoing response (winning over config
/// headers and, later, the handler's), send their cookies to the client and show them to the handler in
/// <c>request.Cookies</c>, and may replace the request headers the handler sees; any other response is sent as is.
/// </summary>
internal sealed partial class ProxyRunner(ProxyDefinition proxy, ILogger logger)
{
    /// <summary>The proxy file, for messages.</summary>
    public string SourceFile => proxy.SourceFile;

    /// <summary>Runs the proxy.</summary>
    /// <param name="invocation">The request as the proxy sees it.</param>
    /// <param name="basePath">The configured base path, removed from rewrite destinations.</param>
    public async Task<ProxyOutcome> RunAsync(ProxyInvocation invocation, string basePath)
    {
        using var activity = RouteHandlerActivities.Start("executing proxy");
        activity?.SetTag(TelemetryTags.NextSpanType, "Middleware.execute");
        var outcome = await ApplyAsync(invocation, basePath, activity).ConfigureAwait(false);
        if (activity is not null)
        {
            var name = outcome.Kind switch
            {
                ProxyOutcomeKind.Continue => outcome.RewritePath is null ? "next" : "rewrite",
                ProxyOutcomeKind.Respond => outcome.Response!.Status is >= 300 and < 400 && outcome.Response.Headers.Has("location") ? "redirect" : "response",
                ProxyOutcomeKind.Failed => "failed",
                _ => "aborted",
            };
            activity.SetTag(TelemetryTags.ProxyOutcome, name);
            if (RouteHandlerActivities.RequestOf(activity.Parent) is { } request)
            {
                request.SetTag(TelemetryTags.ProxyRan, true);
                request.SetTag(TelemetryTags.ProxyOutcome, name);
            }
        }

        return outcome;
    }

    private async Task<ProxyOutcome> ApplyAsync(ProxyInvocation invocation, string basePath, System.Diagnostics.Activity? activity)
    {
        Response? response;
        try
        {
            response = await proxy.Handler(invocation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (invocation.Aborted.IsCancellationRequested)
        {
            return new ProxyOutcome(ProxyOutcomeKind.Aborted);
        }
        catch (Exception exception)
        {
            RouteHandlerActivities.Fail(activity, exception);
            ProxyLog.ProxyFailed(logger, exception, proxy.SourceFile);
            return new ProxyOutcome(ProxyOutcomeKind.Failed);
        }

        if (response is null) return new ProxyOutcome(ProxyOutcomeKind.Continue);
        var rewrite = response.Headers.Get(NextResponse.MiddlewareRewriteHeader);
        if (rewrite is null && !response.Headers.Has(NextResponse.MiddlewareNextHeader)) return new ProxyOutcome(ProxyOutcomeKind.Respond, response);

        string? rewritePath = null;
        if (rewrite is not null && (rewritePath = RewritePath(rewrite, invocation.Request.NextUrl.Host, basePath)) is null)
        {
            ProxyLog.ExternalRewrite(logger, proxy.SourceFile, rewrite);
            return new ProxyOutcome(ProxyOutcomeKind.Failed);
        }

        var http = invocation.HttpContext;
        if (response is NextResponse { RequestHeaders: { } requestHeaders }) ReplaceRequestHeaders(http.Request.Headers, requestHeaders);
        ShowCookiesToHandler(http.Request.Headers, response.Headers.GetSetCookie());
        AddResponseHeaders(response.Headers, http.Response.Headers);
        return new ProxyOutcome(ProxyOutcomeKind.Continue, RewritePath: rewritePath);
    }

    /// <summary>The path (without the base path) a rewrite destination names, or null when it names another origin.</summary>
    private static string? RewritePath(string destination, string host, string basePath)
    {
        var path = destination;
        if (!destination.StartsWith('/'))
        {
            var authorityStart = destination.IndexOf("://", StringComparison.Ordinal) + 3;
            var pathStart = destination.IndexOfAny(['/', '?', '#'], authorityStart);
            var authority = pathStart < 0 ? destination[authorityStart..] : destination[authorityStart..pathStart];
            if (!authority.Equals(host, StringComparison.OrdinalIgnoreCase)) return null;
            path = pathStart < 0 ? "/" : destination[pathStart..];
        }

        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0) path = path[..end];
        if (path.Length == 0) path = "/";
        if (basePath.Length > 0 && path.StartsWith(basePath, StringComparison.Ordinal) && (path.Length == basePath.Length || path[basePath.Length] == '/'))
        {
            path = path.Length == basePath.Length ? "/" : path[basePath.Length..];
        }

        return path;
    }

    // Next.js deletes every request header the override does not list. Framing headers stay: Kestrel has already
    // decided how to read the body, and a handler must still be able to read it.
    private static void ReplaceRequestHeaders(IHeaderDictionary request, Headers replacement)
    {
        var entries = replacement.RawEntries().ToList();
        var names = entries.Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in request.Keys.ToArray())
        {
            if (!names.Contains(name) && !HeaderRules.IsServerOwned(name)) request.Remove(name);
        }

        foreach (var group in entries.GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            request[group.Key] = string.Join(", ", group.Select(e => e.Value));
        }
    }

    // Next.js's mergeMiddlewareCookies: cookies the proxy sets are written into the request's Cookie header, so the
    // handler reads them from request.Cookies (a deleted cookie reads as empty).
    private static void ShowCookiesToHandler(IHeaderDictionary request, IReadOnlyList<string> setCookies)
    {
        if (setCookies.Count == 0) return;
        var cookies = new RequestCookies(request.Cookie.ToString()).GetAll().ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        foreach (var header in setCookies)
        {
            if (SetCookieHeader.Parse(header) is { } cookie) cookies[cookie.Name] = cookie.Value;
        }

        request.Cookie = string.Join("; ", cookies.Select(c => c.Key + "=" + UriComponent.Encode(c.Value)));
    }

    private static void AddResponseHeaders(Headers source, IHeaderDictionary destination)
    {
        foreach (var group in source.RawEntries().GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            if (HeaderRules.IsServerOwned(group.Key)) continue;
            if (group.Key == "set-cookie")
            {
                destination[group.Key] = StringValues.Concat(destination[group.Key], new StringValues(group.Select(e => e.Value).ToArray()));
                continue;
            }

            destination[group.Key] = string.Join(", ", group.Select(e => e.Value));
        }
    }

}
