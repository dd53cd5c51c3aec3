using System.Net;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.FunctionsHost;

namespace NextRouteHandlers.EndToEnd.Tests.Worker;

/// <summary>
/// Under the isolated worker, the trace context the host sends with the invocation (<c>InvocationRequest.trace_context</c>)
/// is the parent of the worker's invocation span, and our request span is a child of that: one trace from the host
/// down to the handler. The worker writes its finished spans to a file (<c>Testing:SpanLog</c>, the sources the sample
/// app exports).
/// </summary>
public sealed class WorkerTraceContextTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private StandInFunctionsHost _host = null!;

    private string SpanLogPath => Path.Combine(_folder.Path, "spans.tsv");

    public async Task InitializeAsync()
    {
        _host = await StandInFunctionsHost.StartAsync(new StandInHostOptions
        {
            AppDirectory = await PublishedWorker.ConformanceAppAsync(),
            AppSettings =
            {
                ["Cache__FileSystem__Path"] = Path.Combine(_folder.Path, "cache"),
                ["Testing__SpanLog"] = SpanLogPath,
            },
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_request_span_is_in_the_hosts_trace_below_the_workers_invocation_span()
    {
        using var response = await _host.Client.GetAsync("/dyn/force-dynamic");

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        // The host records the invocation when the worker reports it ended, which may be just after the client has the response.
        var invocation = await _host.WaitForInvocationAsync(i => i.Path == "/dyn/force-dynamic", TimeSpan.FromSeconds(10));
        Assert.True(invocation.Succeeded, invocation.Failure);
        var sent = invocation.TraceParent!.Split('-');
        var (hostTraceId, hostSpanId) = (sent[1], sent[2]);

        var spans = await SpansOfTraceAsync(hostTraceId, s => s.Source == "NextRouteHandlers");
        var request = Assert.Single(spans, s => s.Source == "NextRouteHandlers" && s.Name.StartsWith("GET ", StringComparison.Ordinal));
        var invoke = Assert.Single(spans, s => s.Source == "Microsoft.Azure.Functions.Worker");
        Assert.Equal(hostSpanId, invoke.ParentSpanId);
        Assert.Equal(invoke.SpanId, request.ParentSpanId);
    }

    private async Task<IReadOnlyList<Span>> SpansOfTraceAsync(string traceId, Func<Span, bool> awaited)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var spans = File.Exists(SpanLogPath)
                ? (await File.ReadAllLinesAsync(SpanLogPath)).Select(l => l.Split('\t')).Where(f => f.Length == 5).Select(f => new Span(f[0], f[1], f[2], f[3], f[4])).ToArray()
                : [];
            var ofTrace = spans.Where(s => s.TraceId == traceId).ToArray();
            if (ofTrace.Any(awaited) && ofTrace.Any(s => s.Source == "Microsoft.Azure.Functions.Worker")) return ofTrace;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No span of trace {traceId} from both sources; the worker wrote:\n{string.Join('\n', spans.Select(s => s.ToString()))}\n{_host.WorkerOutput}");
            }

            await Task.Delay(100);
        }
    }

    private sealed record Span(string Source, string Name, string TraceId, string SpanId, string ParentSpanId);
}
