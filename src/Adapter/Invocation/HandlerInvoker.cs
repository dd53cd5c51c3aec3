using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Invocation;

/// <summary>
/// Runs one route handler the way Next.js's route module does, for a live request and for a cached render alike:
/// the request scope is set for <c>Next.Cookies()</c> and friends, navigation signals become their responses
/// (<c>Redirect</c> 307/308, or 303 after a form post, with the cookies set so far; <c>NotFound</c>, <c>Forbidden</c>,
/// <c>Unauthorized</c> with an empty body and no cookies), a request the server refused while the handler read it
/// keeps the server's status, and everything else that goes wrong is a failure with a reason, for the caller to
/// answer (500) or to report (a failed render). It never logs and never throws, except
/// <see cref="Caching.DynamicUsageException"/> out of a cached render, which decides that the route is dynamic.
/// </summary>
internal static class HandlerInvoker
{
    /// <summary>Runs <paramref name="handler"/> for <paramref name="invocation"/> in <paramref name="scope"/>.</summary>
    /// <param name="handler">The handler.</param>
    /// <param name="invocation">The request and route it runs for.</param>
    /// <param name="scope">The request scope, made for <paramref name="invocation"/>'s request.</param>
    /// <param name="sourceFile">The route file, for the reason of a failure.</param>
    public static async ValueTask<HandlerOutcome> InvokeAsync(RouteHandler handler, RouteInvocation invocation, RequestScope scope, string sourceFile)
    {
        var route = invocation.Context.Route.Pattern;
        var method = invocation.Request.Method;
        var metrics = scope.Metrics is { HandlersEnabled: true } recording ? recording : null;
        var startedAt = metrics is null ? 0 : Stopwatch.GetTimestamp();
        using var activity = scope.HandlerSpan ? RouteHandlerActivities.StartHandler(route) : null;
        var outcome = await RunAsync(handler, invocation, scope, sourceFile).ConfigureAwait(false);
        var errorType = outcome.Kind == HandlerOutcomeKind.Failed ? outcome.Exception?.GetType().FullName ?? "invalid-response" : null;
        metrics?.Handler(Stopwatch.GetElapsedTime(startedAt), route, method, errorType);
        if (activity is not null && errorType is not null)
        {
            if (outcome.Exception is { } exception) RouteHandlerActivities.Fail(activity, exception);
            else RouteHandlerActivities.Fail(activity, errorType);
        }

        return outcome;
    }

    private static async ValueTask<HandlerOutcome> RunAsync(RouteHandler handler, RouteInvocation invocation, RequestScope scope, string sourceFile)
    {
        // Set for the handler and what it calls; an async method's changes to the execution context end with it.
        RequestScope.Current = scope;
        try
        {
            var response = await handler(invocation).ConfigureAwait(false);
            if (response is null)
            {
                return new(HandlerOutcomeKind.Failed, null, scope, $"No response is returned from route handler '{sourceFile}'. Ensure you return a Response or a NextResponse in all branches of your handler.");
            }

            if (response.Headers.Has(NextResponse.MiddlewareNextHeader) || response.Headers.Has(NextResponse.MiddlewareRewriteHeader))
            {
                return new(HandlerOutcomeKind.Failed, null, scope, $"Route handler '{sourceFile}' returned NextResponse.Next() or NextResponse.Rewrite(), which only proxy.cs may return.");
            }

            scope.CookiesIfUsed?.ApplyTo(response.Headers);
            return new(HandlerOutcomeKind.Responded, response, scope);
        }
        catch (RedirectException redirect)
        {
            var status = LooksLikeFormPost(invocation.HttpContext.Request) ? 303 : redirect.Permanent ? 308 : 307;
            var response = new Response(new ResponseInit { Status = status, Headers = { { "location", redirect.Location } } });
            scope.CookiesIfUsed?.ApplyTo(response.Headers);
            return new(HandlerOutcomeKind.Responded, response, scope);
        }
        catch (HttpAccessFallbackException fallback)
        {
            return new(HandlerOutcomeKind.Responded, new Response(new ResponseInit { Status = fallback.Status }), scope);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException rejected)
        {
            // The server refused the request while the handler read it (a body over the limit: 413).
            return new(HandlerOutcomeKind.Responded, new Response(new ResponseInit { Status = rejected.StatusCode }), scope, Refusal: rejected.Message);
        }
        catch (BadRequestException badRequest)
        {
            var response = new Response(badRequest.Message, new ResponseInit { Status = 400, Headers = { { "content-type", "text/plain; charset=utf-8" } } });
            return new(HandlerOutcomeKind.Responded, response, scope, Refusal: badRequest.Message);
        }
        catch (OperationCanceledException) when (invocation.Aborted.IsCancellationRequested)
        {
            return new(HandlerOutcomeKind.Aborted, null, scope);
        }
        catch (Exception exception) when (exception is not Caching.DynamicUsageException)
        {
            return new(HandlerOutcomeKind.Failed, null, scope, $"The {invocation.Request.Method} handler of '{sourceFile}' threw an exception.", exception);
        }
    }

    /// <summary>Next.js answers a redirect with 303 when the request looks like a server action or an HTML form post.</summary>
    private static bool LooksLikeFormPost(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return false;
        if (request.Headers.ContainsKey("next-action")) return true;
        var contentType = request.ContentType ?? string.Empty;
        return contentType == "application/x-www-form-urlencoded" || contentType.StartsWith("multipart/form-data", StringComparison.Ordinal);
    }
}
