using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;
using NextRouteHandlers.Caching.Memory;
using NextRouteHandlers.Diagnostics;
using NextRouteHandlers.Http;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Tests.Caching;
using OpenTelemetry.Metrics;

namespace NextRouteHandlers.Tests.Diagnostics;

/// <summary>
/// The spans and metrics of requests over real HTTP, collected with OpenTelemetry's in-memory exporter: one span per
/// request named after the route pattern, a child of ASP.NET Core's span (itself the child of the caller's
/// <c>traceparent</c>), child spans for the handler, the store, the proxy and regenerations, and never request data.
/// </summary>
public class RouteHandlerTelemetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static RouteSegmentConfig ForceStatic => new() { Dynamic = DynamicMode.ForceStatic };

    private static Dictionary<string, string?> HandlerSpansOn => new() { ["RouteHandlers:HandlerSpans"] = "true" };

    private static Task<LoopbackApp> StartAsync(TelemetryCapture capture, IEnumerable<RouteDefinition> routes, Action<IServiceCollection>? services = null, ProxyDefinition? proxy = null, Dictionary<string, string?>? configuration = null) =>
        LoopbackApp.StartAsync(routes, services: s =>
        {
            capture.AddTo(s);
            services?.Invoke(s);
        }, proxy: proxy, configuration: configuration);

    private static async Task<(HttpResponseMessage Response, ActivityTraceId Trace, ActivitySpanId Parent)> GetAsync(LoopbackApp app, string path, Action<HttpRequestMessage>? configure = null)
    {
        var (trace, parent, header) = TelemetryCapture.NewTraceParent();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", header);
        configure?.Invoke(request);
        return (await app.Client.SendAsync(request), trace, parent);
    }

    private static bool IsRequestSpan(Activity span, ActivityTraceId trace) =>
        span.TraceId == trace && span.TagObjects.Any(t => t.Key == "next.span_type" && Equals(t.Value, RouteHandlerActivities.RequestSpanType));

    private static object? Tag(Activity span, string name) => span.TagObjects.FirstOrDefault(t => t.Key == name).Value;

    private static string? TagOf(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name) return tag.Value?.ToString();
        }

        return null;
    }

    [Fact]
    public async Task A_miss_is_a_span_named_after_the_route_under_the_server_span_with_its_regeneration_and_handler_below()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(capture, [Routes.Define("/otel-miss/[id]", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("rendered")) }, ForceStatic)], configuration: HandlerSpansOn);

        var (response, trace, parent) = await GetAsync(app, "/otel-miss/one");

        Assert.Equal("MISS", response.Headers.GetValues("x-nextjs-cache").Single());
        var request = await capture.SpanAsync(s => IsRequestSpan(s, trace));
        Assert.Equal("GET /otel-miss/[id]", request.DisplayName);
        Assert.Equal("/otel-miss/[id]", Tag(request, "http.route"));
        Assert.Equal("GET", Tag(request, "http.request.method"));
        Assert.Equal(200, Tag(request, "http.response.status_code"));
        Assert.Equal("MISS", Tag(request, "nextroutehandlers.cache.status"));
        Assert.Null(Tag(request, "nextroutehandlers.router.decision"));
        Assert.Equal(ActivityStatusCode.Unset, request.Status);

        // The pipeline runs in ASP.NET Core's server span: that span is the request's, not the parent of another.
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal(parent, request.ParentSpanId);
        Assert.DoesNotContain(capture.OursIn(trace), s => s.OperationName == RouteHandlerActivities.RequestOperation);

        var regeneration = await capture.SpanAsync(s => s.TraceId == trace && s.DisplayName == "cache regeneration");
        Assert.Equal(request.SpanId, regeneration.ParentSpanId);
        Assert.Equal("miss", Tag(regeneration, "nextroutehandlers.regeneration.trigger"));
        Assert.Matches("^[0-9a-f]{16}$", (string)Tag(regeneration, "nextroutehandlers.cache.key_hash")!);
        var handler = await capture.SpanAsync(s => s.TraceId == trace && s.DisplayName == "executing api route (app) /otel-miss/[id]");
        Assert.Equal(regeneration.SpanId, handler.ParentSpanId);
        Assert.Equal("AppRouteRouteHandlers.runHandler", Tag(handler, "next.span_type"));
        Assert.Equal("/otel-miss/[id]", Tag(handler, "next.route"));

        var lookups = capture.Points(app.Services, "nextroutehandlers.cache.lookups", p => TagOf(p, "http.route") == "/otel-miss/[id]").Where(p => TagOf(p, "http.route") == "/otel-miss/[id]").ToArray();
        Assert.Equal("miss", TagOf(Assert.Single(lookups), "nextroutehandlers.cache.result"));
        var regenerations = capture.Points(app.Services, "nextroutehandlers.cache.regeneration.duration", p => TagOf(p, "nextroutehandlers.regeneration.trigger") == "miss")
            .Where(p => TagOf(p, "nextroutehandlers.regeneration.trigger") == "miss");
        Assert.True(regenerations.Sum(p => p.GetHistogramCount()) >= 1);
    }

    [Fact]
    public async Task Where_nothing_records_the_server_span_the_request_span_is_the_librarys_own_named_after_the_route()
    {
        var capture = new TelemetryCapture(serverSpans: false);
        await using var app = await StartAsync(capture, [Routes.Get("/otel-own/[id]", _ => new Response("own"))], configuration: HandlerSpansOn);

        var (response, trace, _) = await GetAsync(app, "/otel-own/one");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = await capture.SpanAsync(s => IsRequestSpan(s, trace));
        Assert.Equal(RouteHandlerTelemetry.ActivitySourceName, request.Source.Name);
        Assert.Equal(RouteHandlerActivities.RequestOperation, request.OperationName);
        Assert.Equal("GET /otel-own/[id]", request.DisplayName);
        Assert.Equal("/otel-own/[id]", Tag(request, "http.route"));
        Assert.Equal("GET", Tag(request, "http.request.method"));
        Assert.Equal(200, Tag(request, "http.response.status_code"));
        Assert.Equal("bypass", Tag(request, "nextroutehandlers.cache.status"));
        var handler = await capture.SpanAsync(s => s.TraceId == trace && s.DisplayName == "executing api route (app) /otel-own/[id]");
        Assert.Equal(request.SpanId, handler.ParentSpanId);
        Assert.DoesNotContain(capture.Spans, s => s.TraceId == trace && s.Source.Name == "Microsoft.AspNetCore");
    }

    [Fact]
    public async Task Through_OpenTelemetrys_AspNetCore_instrumentation_the_server_span_keeps_the_routes_name_and_one_of_each_attribute()
    {
        // The instrumentation names the span and sets the method, the status and (from an endpoint) the route itself,
        // at the start and at the end of the request: what the library set must survive it, and not twice.
        var capture = new TelemetryCapture(aspNetCoreInstrumentation: true);
        await using var app = await StartAsync(capture, [Routes.Get("/otel-instrumented/[id]", _ => new Response("gone", new ResponseInit { Status = 410 }))], configuration: HandlerSpansOn);

        var (response, trace, parent) = await GetAsync(app, "/otel-instrumented/one?q=secret");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var request = await capture.SpanAsync(s => IsRequestSpan(s, trace));
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.Equal(parent, request.ParentSpanId);
        Assert.Equal("GET /otel-instrumented/[id]", request.DisplayName);
        Assert.Equal("/otel-instrumented/[id]", Tag(request, "http.route"));
        Assert.Equal("GET", Tag(request, "http.request.method"));
        Assert.Equal(410, Convert.ToInt32(Tag(request, "http.response.status_code"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("bypass", Tag(request, "nextroutehandlers.cache.status"));
        var duplicated = request.TagObjects.GroupBy(t => t.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicated);
        var handler = await capture.SpanAsync(s => s.TraceId == trace && s.DisplayName == "executing api route (app) /otel-instrumented/[id]");
        Assert.Equal(request.SpanId, handler.ParentSpanId);
    }

    [Fact]
    public async Task By_default_a_live_run_and_a_cached_render_record_the_request_span_and_the_handler_metric_but_no_handler_span()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(
            capture,
            [
                Routes.Get("/otel-no-handler-span", _ => new Response("live")),
                Routes.Define("/otel-no-handler-span-cached/[id]", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("rendered")) }, ForceStatic),
            ]);

        var (live, liveTrace, _) = await GetAsync(app, "/otel-no-handler-span");
        var (cached, cachedTrace, _) = await GetAsync(app, "/otel-no-handler-span-cached/one");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("MISS", cached.Headers.GetValues("x-nextjs-cache").Single());
        var request = await capture.SpanAsync(s => IsRequestSpan(s, liveTrace));
        Assert.Equal("GET /otel-no-handler-span", request.DisplayName);
        var regeneration = await capture.SpanAsync(s => s.TraceId == cachedTrace && s.DisplayName == "cache regeneration");
        await app.WhenRequestsHandledAsync(2);
        Assert.DoesNotContain(capture.Spans, s => (s.TraceId == liveTrace || s.TraceId == cachedTrace) && s.DisplayName.StartsWith("executing api route", StringComparison.Ordinal));
        var runs = capture.Points(app.Services, "nextroutehandlers.handler.duration", p => TagOf(p, "http.route") == "/otel-no-handler-span-cached/[id]")
            .Where(p => TagOf(p, "http.route") is "/otel-no-handler-span" or "/otel-no-handler-span-cached/[id]");
        Assert.Equal(2, runs.Sum(p => p.GetHistogramCount()));
        Assert.Equal(ActivityStatusCode.Unset, regeneration.Status);
    }

    [Fact]
    public async Task Without_a_handler_span_a_handler_that_throws_still_fails_the_request_span()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(
            capture,
            [Routes.Get("/otel-no-handler-span-throws", _ => throw new InvalidOperationException("the handler broke"))]);

        var (response, trace, _) = await GetAsync(app, "/otel-no-handler-span-throws");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var request = await capture.SpanAsync(s => IsRequestSpan(s, trace));
        Assert.Equal(ActivityStatusCode.Error, request.Status);
        Assert.Equal("500", Tag(request, "error.type"));
        Assert.DoesNotContain(capture.Spans, s => s.TraceId == trace && s.DisplayName.StartsWith("executing api route", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_of_the_routers_own_is_recorded_as_its_decision_on_a_span_named_after_the_method()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(capture, [Routes.Get("/otel-decided", _ => new Response("routed"))]);

        var (missing, missingTrace, _) = await GetAsync(app, "/otel-nowhere");
        var (slash, slashTrace, _) = await GetAsync(app, "/otel-decided/");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PermanentRedirect, slash.StatusCode);
        var notFound = await capture.SpanAsync(s => IsRequestSpan(s, missingTrace));
        Assert.Equal("not-found", Tag(notFound, "nextroutehandlers.router.decision"));
        Assert.Equal("GET", notFound.DisplayName);
        Assert.Null(Tag(notFound, "http.route"));
        Assert.Null(Tag(notFound, "nextroutehandlers.cache.status"));
        Assert.Equal(404, Tag(notFound, "http.response.status_code"));
        var redirect = await capture.SpanAsync(s => IsRequestSpan(s, slashTrace));
        Assert.Equal("redirect", Tag(redirect, "nextroutehandlers.router.decision"));
        Assert.Equal(308, Tag(redirect, "http.response.status_code"));
    }

    [Fact]
    public async Task A_hit_of_a_prerendered_route_is_tagged_hit_and_counted_by_route_and_its_request_duration_recorded()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(capture, [Routes.Define("/otel-hit", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("static")) }, ForceStatic)]);

        (await GetAsync(app, "/otel-hit")).Response.Dispose();
        var (response, trace, _) = await GetAsync(app, "/otel-hit");

        Assert.Equal("HIT", response.Headers.GetValues("x-nextjs-cache").Single());
        var request = await capture.SpanAsync(s => IsRequestSpan(s, trace));
        Assert.Equal("GET /otel-hit", request.DisplayName);
        Assert.Equal("HIT", Tag(request, "nextroutehandlers.cache.status"));
        Assert.DoesNotContain(capture.OursIn(trace), s => s.DisplayName.StartsWith("executing api route", StringComparison.Ordinal));

        await app.WhenRequestsHandledAsync(2);
        var lookups = capture.Points(app.Services, "nextroutehandlers.cache.lookups", p => TagOf(p, "http.route") == "/otel-hit").Where(p => TagOf(p, "http.route") == "/otel-hit").ToArray();
        // Prerendered at startup: both requests are hits.
        Assert.Equal(2, lookups.Where(p => TagOf(p, "nextroutehandlers.cache.result") == "hit").Sum(p => p.GetSumLong()));
        Assert.DoesNotContain(lookups, p => TagOf(p, "nextroutehandlers.cache.result") != "hit");
        var requests = capture.Points(app.Services, "nextroutehandlers.request.duration", p => TagOf(p, "http.route") == "/otel-hit").Where(p => TagOf(p, "http.route") == "/otel-hit").ToArray();
        Assert.Equal(2, requests.Where(p => TagOf(p, "nextroutehandlers.cache.status") == "HIT").Sum(p => p.GetHistogramCount()));
        Assert.All(requests, p => Assert.Equal("200", TagOf(p, "http.response.status_code")));
    }

    [Fact]
    public async Task A_stale_answer_starts_a_background_regeneration_in_a_trace_of_its_own_linked_to_the_request()
    {
        var capture = new TelemetryCapture();
        var clock = new FakeTimeProvider(Start);
        var renders = 0;
        await using var app = await StartAsync(
            capture,
            [Routes.Define("/otel-stale", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("v" + Interlocked.Increment(ref renders))) }, new RouteSegmentConfig { Revalidate = RevalidateSetting.After(60) })],
            services: s => s.AddSingleton<TimeProvider>(clock),
            configuration: HandlerSpansOn);

        (await GetAsync(app, "/otel-stale")).Response.Dispose();
        clock.Advance(TimeSpan.FromSeconds(61));
        var (response, trace, _) = await GetAsync(app, "/otel-stale");

        Assert.Equal("STALE", response.Headers.GetValues("x-nextjs-cache").Single());
        var request = await capture.SpanAsync(s => IsRequestSpan(s, trace));
        Assert.Equal("STALE", Tag(request, "nextroutehandlers.cache.status"));
        var background = await capture.SpanAsync(s => s.DisplayName == "cache regeneration" && s.Links.Any(l => l.Context.SpanId == request.SpanId));
        Assert.Equal("background", Tag(background, "nextroutehandlers.regeneration.trigger"));
        Assert.NotEqual(trace, background.TraceId);
        Assert.Equal(default, background.ParentSpanId);
        Assert.Equal(trace, background.Links.Single().Context.TraceId);
        Assert.Contains(capture.Spans, s => s.TraceId == background.TraceId && s.ParentSpanId == background.SpanId && s.DisplayName == "executing api route (app) /otel-stale");
    }

    [Fact]
    public async Task A_proxy_rewrite_is_recorded_on_the_request_span_named_after_the_destination_route()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(
            capture,
            [Routes.Get("/otel-new", _ => new Response("new"))],
            proxy: Routes.Proxy(p => p.Request.NextUrl.Pathname == "/otel-old" ? NextResponse.Rewrite("/otel-new") : NextResponse.Next()));

        var (response, trace, _) = await GetAsync(app, "/otel-old");

        Assert.Equal("new", await response.Content.ReadAsStringAsync());
        var request = await capture.SpanAsync(s => IsRequestSpan(s, trace));
        Assert.Equal("GET /otel-new", request.DisplayName);
        Assert.Equal(true, Tag(request, "nextroutehandlers.proxy.ran"));
        Assert.Equal("rewrite", Tag(request, "nextroutehandlers.proxy.outcome"));
        Assert.Equal("bypass", Tag(request, "nextroutehandlers.cache.status"));
        var proxy = await capture.SpanAsync(s => s.TraceId == trace && s.DisplayName == "executing proxy");
        Assert.Equal(request.SpanId, proxy.ParentSpanId);
        Assert.Equal("rewrite", Tag(proxy, "nextroutehandlers.proxy.outcome"));
    }

    [Fact]
    public async Task A_handler_that_throws_fails_its_span_with_an_exception_event_and_the_request_span_with_500()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(capture, [Routes.Get("/otel-throws", _ => throw new InvalidOperationException("the handler broke"))], configuration: HandlerSpansOn);

        var (response, trace, _) = await GetAsync(app, "/otel-throws?secret=query-marker-5150");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var handler = await capture.SpanAsync(s => s.TraceId == trace && s.DisplayName == "executing api route (app) /otel-throws");
        Assert.Equal(ActivityStatusCode.Error, handler.Status);
        Assert.Equal("System.InvalidOperationException", Tag(handler, "error.type"));
        var exception = Assert.Single(handler.Events, e => e.Name == "exception");
        Assert.Equal("the handler broke", exception.Tags.Single(t => t.Key == "exception.message").Value);
        var request = await capture.SpanAsync(s => IsRequestSpan(s, trace));
        Assert.Equal(ActivityStatusCode.Error, request.Status);
        Assert.Equal(500, Tag(request, "http.response.status_code"));
        Assert.Equal("500", Tag(request, "error.type"));
        Assert.DoesNotContain(capture.OursIn(trace).SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("query-marker-5150", StringComparison.Ordinal) == true);

        await app.WhenRequestsHandledAsync(1);
        var handlers = capture.Points(app.Services, "nextroutehandlers.handler.duration", p => TagOf(p, "http.route") == "/otel-throws").Where(p => TagOf(p, "http.route") == "/otel-throws").ToArray();
        Assert.Equal("System.InvalidOperationException", TagOf(Assert.Single(handlers), "error.type"));
    }

    [Fact]
    public async Task A_failing_store_read_is_a_failed_client_span_of_the_store_kind_and_a_failed_store_operation()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(
            capture,
            [Routes.Define("/otel-store/[id]", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("still served")) }, ForceStatic)],
            services: s => s.AddSingleton(new CacheStores(new BrokenStore(hang: false), new MemoryTagStore(), new LocalRegenerationLock(), new MemoryIncrementalCache(1 << 20))),
            configuration: new() { ["Cache:Store"] = "FileSystem" });

        var (response, trace, _) = await GetAsync(app, "/otel-store/not-prerendered");

        Assert.Equal("still served", await response.Content.ReadAsStringAsync());
        var read = await capture.SpanAsync(s => s.TraceId == trace && s.DisplayName == "cache store read");
        Assert.Equal(ActivityKind.Client, read.Kind);
        Assert.Equal(ActivityStatusCode.Error, read.Status);
        Assert.Equal("System.IO.IOException", Tag(read, "error.type"));
        Assert.Equal("filesystem", Tag(read, "nextroutehandlers.store.kind"));
        var write = await capture.SpanAsync(s => s.TraceId == trace && s.DisplayName == "cache store write");
        Assert.Equal(ActivityStatusCode.Error, write.Status);

        var failed = capture.Points(app.Services, "nextroutehandlers.cache.store.duration", p => TagOf(p, "error.type") == "System.IO.IOException")
            .Where(p => TagOf(p, "nextroutehandlers.store.kind") == "filesystem" && TagOf(p, "error.type") == "System.IO.IOException")
            .Select(p => TagOf(p, "nextroutehandlers.store.operation"))
            .ToArray();
        Assert.Contains("read", failed);
        Assert.Contains("write", failed);
    }

    [Fact]
    public async Task No_span_or_metric_attribute_carries_the_query_a_cookie_a_header_value_or_the_path()
    {
        var capture = new TelemetryCapture();
        await using var app = await StartAsync(capture, [
            Routes.Get("/otel-private/[id]", i => new Response(i.Request.Headers.Get("x-private") + i.Request.Cookies.Get("session")?.Value)),
            Routes.Define("/otel-private-cached/[id]", new RouteHandlerTable { Get = Routes.Handler(_ => new Response("cached")) }, ForceStatic),
        ]);

        var traces = new List<ActivityTraceId>();
        foreach (var path in new[] { "/otel-private/path-marker-7781?q=query-marker-7781", "/otel-private-cached/path-marker-7781?q=query-marker-7781" })
        {
            var (response, trace, _) = await GetAsync(app, path, r =>
            {
                r.Headers.Add("x-private", "header-marker-7781");
                r.Headers.Add("Cookie", "session=cookie-marker-7781");
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            traces.Add(trace);
            await capture.SpanAsync(s => IsRequestSpan(s, trace));
        }

        await app.WhenRequestsHandledAsync(2);
        var spans = traces.SelectMany(capture.OursIn).ToArray();
        Assert.Contains(spans, s => s.DisplayName == "cache regeneration");
        var values = spans.SelectMany(s => s.TagObjects).Concat(spans.SelectMany(s => s.Events).SelectMany(e => e.Tags)).Select(t => t.Value?.ToString() ?? string.Empty)
            .Concat(spans.Select(s => s.DisplayName))
            .Concat(capture.AllMetricTags(app.Services).Select(t => t.Value?.ToString() ?? string.Empty))
            .ToArray();
        Assert.Contains("/otel-private/[id]", values);
        Assert.DoesNotContain(values, v => v.Contains("marker-7781", StringComparison.Ordinal));
    }
}
