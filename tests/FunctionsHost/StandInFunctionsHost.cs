using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Testing.FunctionsHost.Rpc;
using Yarp.ReverseProxy.Forwarder;

namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>
/// Stands in for the Azure Functions host in front of a published .NET isolated worker, for tests and benchmarks.
/// It does what the host does, in the host's order: listens for gRPC on 127.0.0.1 (HTTP/2 only), starts the worker
/// with the host's arguments and environment, runs init → metadata → load over the worker's event stream, and then,
/// for every HTTP request that matches a function's route and methods, adds <c>x-ms-invocation-id</c>, forwards the
/// live request to the worker's <c>HttpUri</c> with YARP's <see cref="IHttpForwarder"/> (default transformer: the
/// destination's <c>Host</c>, <c>X-Forwarded-*</c> from what the host received) and sends the
/// <c>InvocationRequest</c>. The host's reserved paths (<c>/admin</c>, <c>/runtime/webhooks</c>) never reach the worker.
/// <see cref="StopAsync"/> sends <c>WorkerTerminate</c> and returns the worker's exit code. In front of a custom handler
/// (<see cref="StartForCustomHandlerAsync"/>) it only forwards, as the host does for one. Tests and benchmarks share it.
/// </summary>
public sealed class StandInFunctionsHost : IAsyncDisposable
{
    private static readonly TimeSpan ProtocolTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromMinutes(5);
    private const string HostVersion = "4.1037.0";

    private readonly WebApplication? _grpc;
    private readonly WorkerChannel? _channel;
    private WorkerProcess _worker = null!;
    private readonly ConcurrentQueue<InvocationRecord> _invocations = new();
    private readonly List<(Func<InvocationRecord, bool> Match, TaskCompletionSource<InvocationRecord> Ended)> _invocationWaiters = [];
    private WebApplication? _front;
    private HttpMessageInvoker? _invoker;
    private IReadOnlyList<(FunctionBinding Function, TemplateMatcher Matcher)> _functions = [];
    private readonly TaskCompletionSource _workerReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Uri? _workerHttpUri;
    private bool _cancelsInvocations;
    private bool _disposed;

    private StandInFunctionsHost(WebApplication? grpc, WorkerChannel? channel)
    {
        _grpc = grpc;
        _channel = channel;
    }

    /// <summary>Where clients send requests: the host's public address, on 127.0.0.1.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client of <see cref="BaseAddress"/> that follows no redirects and keeps no cookies.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The functions the worker reported and the host loaded.</summary>
    public IReadOnlyList<FunctionBinding> Functions => _functions.Select(f => f.Function).ToArray();

    /// <summary>The capabilities the worker reported in <c>WorkerInitResponse</c>.</summary>
    public IReadOnlyDictionary<string, string> WorkerCapabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The worker's process, for signals.</summary>
    public WorkerProcess Worker => _worker;

    /// <summary>When the worker process was started (<see cref="Stopwatch.GetTimestamp"/>), for cold-start measurements.</summary>
    public long WorkerStartedAt { get; private set; }

    /// <summary>Every invocation that has ended, in the order they ended.</summary>
    public IReadOnlyCollection<InvocationRecord> Invocations => _invocations.ToArray();

    /// <summary>What the worker wrote to its console and logged through the event stream.</summary>
    public string WorkerOutput => (_worker?.Output ?? string.Empty) + _channel?.Logs;

    /// <summary>Starts the host and its worker, and returns once the worker's functions are loaded.</summary>
    /// <param name="options">The app to run and its settings.</param>
    /// <exception cref="InvalidOperationException">The worker failed to start, answered a step with a failure, or does not report the catch-all function.</exception>
    /// <exception cref="TimeoutException">The worker did not get through start-up in time.</exception>
    public static async Task<StandInFunctionsHost> StartAsync(StandInHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var channel = new WorkerChannel();
        var grpc = await StartGrpcAsync(channel).ConfigureAwait(false);
        var host = new StandInFunctionsHost(grpc, channel);
        try
        {
            // As the host is: listening before its worker exists. Requests wait for the worker to be loaded.
            await host.StartFrontAsync(options).ConfigureAwait(false);
            host.WorkerStartedAt = Stopwatch.GetTimestamp();
            host._worker = WorkerProcess.Start(options, new Uri(ListeningAddress(grpc)), Guid.NewGuid().ToString());
            await host.InitializeWorkerAsync(options).ConfigureAwait(false);
            host._workerReady.TrySetResult();
            return host;
        }
        catch (Exception exception)
        {
            host._workerReady.TrySetException(exception);
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stands in for the host in front of a custom handler that already listens at <paramref name="handler"/> (the
    /// host started it with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>): every request of the seven methods is forwarded as the
    /// host forwards with <c>enableProxyingHttpRequest</c>, with the host's <c>x-ms-invocation-id</c>; there is no
    /// worker and no gRPC.
    /// </summary>
    /// <param name="handler">The custom handler's address, on 127.0.0.1.</param>
    /// <param name="port">The port clients reach the host on; 0 picks a free one.</param>
    public static async Task<StandInFunctionsHost> StartForCustomHandlerAsync(Uri handler, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var host = new StandInFunctionsHost(null, null)
        {
            _workerHttpUri = handler,
            _functions = [(new FunctionBinding("custom-handler", "routes", "req", "{*path}", FunctionBinding.RouteHandlerMethods, "anonymous"), new TemplateMatcher(TemplateParser.Parse("{*path}"), new RouteValueDictionary()))],
        };
        host._workerReady.TrySetResult();
        await host.StartFrontAsync(new StandInHostOptions { AppDirectory = string.Empty, Port = port }).ConfigureAwait(false);
        return host;
    }

    /// <summary>Waits until the worker's output holds <paramref name="text"/> (its logs arrive over the event stream, after the response).</summary>
    /// <param name="text">The text to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when it appeared in time.</returns>
    public async Task<bool> WaitForWorkerOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!WorkerOutput.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout) return false;
            await Task.Delay(50).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Waits until an invocation that <paramref name="match"/> accepts has ended (it may have ended already).</summary>
    /// <param name="match">Which invocation.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <exception cref="TimeoutException">No such invocation ended in time.</exception>
    public Task<InvocationRecord> WaitForInvocationAsync(Func<InvocationRecord, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_invocationWaiters)
        {
            if (_invocations.FirstOrDefault(match) is { } ended) return Task.FromResult(ended);
            var waiter = new TaskCompletionSource<InvocationRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
            _invocationWaiters.Add((match, waiter));
            return waiter.Task.WaitAsync(timeout);
        }
    }

    /// <summary>Asks the worker how it is (<c>WorkerStatusRequest</c>), as the host does to check it still answers.</summary>
    /// <exception cref="TimeoutException">The worker did not answer.</exception>
    public async Task PingAsync()
    {
        var answer = await Channel.RequestAsync(new StreamingMessage { WorkerStatusRequest = new WorkerStatusRequest() }, ProtocolTimeout).ConfigureAwait(false);
        if (answer.ContentCase != StreamingMessage.ContentOneofCase.WorkerStatusResponse) throw new InvalidOperationException($"The worker answered a status request with {answer.ContentCase}.");
    }

    /// <summary>Sends <c>WorkerTerminate</c>, as the host does when it shuts down, and waits for the worker to exit.</summary>
    /// <param name="gracePeriod">The grace period the host grants.</param>
    /// <returns>The worker's exit code.</returns>
    /// <exception cref="TimeoutException">The worker did not exit within the grace period and 10 s more.</exception>
    public async Task<int> StopAsync(TimeSpan? gracePeriod = null)
    {
        if (_worker is null) return 0;
        var grace = gracePeriod ?? TimeSpan.FromSeconds(5);
        if (!_worker.HasExited && !Channel.Ended.IsCompleted)
        {
            await Channel.SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(grace) } }).ConfigureAwait(false);
        }

        return await _worker.WaitForExitAsync(grace + TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Client?.Dispose();
        if (_front is not null)
        {
            await _front.StopAsync().ConfigureAwait(false);
            await _front.DisposeAsync().ConfigureAwait(false);
        }

        _invoker?.Dispose();
        if (_worker is not null) await _worker.DisposeAsync().ConfigureAwait(false);
        if (_grpc is not null)
        {
            await _grpc.StopAsync().ConfigureAwait(false);
            await _grpc.DisposeAsync().ConfigureAwait(false);
        }
    }

    private WorkerChannel Channel => _channel ?? throw new InvalidOperationException("This host runs a custom handler: there is no worker to talk to.");

    private static async Task<WebApplication> StartGrpcAsync(WorkerChannel channel)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(channel);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    private static string ListeningAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/";

    private async Task InitializeWorkerAsync(StandInHostOptions options)
    {
        var exited = WaitForExitOrNeverAsync();
        var first = await Task.WhenAny(Channel.Started, exited, Task.Delay(options.StartTimeout)).ConfigureAwait(false);
        if (first == exited) throw new InvalidOperationException($"The worker exited with code {_worker.ExitCode} before opening its stream:\n{WorkerOutput}");
        if (first != Channel.Started) throw new TimeoutException($"The worker did not open its stream within {options.StartTimeout.TotalSeconds} s:\n{WorkerOutput}");
        await Channel.Started.ConfigureAwait(false);

        var init = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = options.AppDirectory, FunctionAppDirectory = options.AppDirectory };
        var initAnswer = (await Channel.RequestAsync(new StreamingMessage { WorkerInitRequest = init }, ProtocolTimeout).ConfigureAwait(false)).WorkerInitResponse
            ?? throw new InvalidOperationException("The worker answered WorkerInitRequest with something else.");
        RequireSuccess(initAnswer.Result, "WorkerInitRequest");
        WorkerCapabilities = new Dictionary<string, string>(initAnswer.Capabilities);
        if (!initAnswer.Capabilities.TryGetValue("HttpUri", out var httpUri) || !Uri.TryCreate(httpUri, UriKind.Absolute, out _workerHttpUri))
        {
            throw new InvalidOperationException($"The worker reported no HttpUri capability, so the host cannot proxy HTTP to it (is ConfigureFunctionsWebApplication() called?). Capabilities: {string.Join(", ", initAnswer.Capabilities.Keys)}\n{WorkerOutput}");
        }

        _cancelsInvocations = initAnswer.Capabilities.TryGetValue("HandlesInvocationCancelMessage", out var cancels) && bool.TryParse(cancels, out var yes) && yes;

        var metadata = (await Channel.RequestAsync(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = options.AppDirectory } }, ProtocolTimeout).ConfigureAwait(false)).FunctionMetadataResponse
            ?? throw new InvalidOperationException("The worker answered FunctionsMetadataRequest with something else.");
        RequireSuccess(metadata.Result, "FunctionsMetadataRequest");
        if (metadata.UseDefaultMetadataIndexing) throw new InvalidOperationException("The worker asked the host to index functions itself; the stand-in host only supports worker indexing.");
        var functions = metadata.FunctionMetadataResults.ToArray();
        if (options.RequireCatchAllFunction) FunctionBinding.RequireCatchAll(functions);

        var routePrefix = HostJson.RoutePrefix(options.AppDirectory);
        var loaded = new List<(FunctionBinding, TemplateMatcher)>();
        foreach (var function in functions)
        {
            var load = (await Channel.RequestAsync(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function } }, ProtocolTimeout).ConfigureAwait(false)).FunctionLoadResponse
                ?? throw new InvalidOperationException("The worker answered FunctionLoadRequest with something else.");
            RequireSuccess(load.Result, $"FunctionLoadRequest for {function.Name}");
            var binding = FunctionBinding.FromMetadata(function);
            var template = string.IsNullOrEmpty(routePrefix) ? binding.Route : routePrefix + "/" + binding.Route;
            loaded.Add((binding, new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary())));
        }

        _functions = loaded;
    }

    private async Task WaitForExitOrNeverAsync()
    {
        while (!_worker.HasExited) await Task.Delay(50).ConfigureAwait(false);
    }

    private void RequireSuccess(StatusResult? result, string step)
    {
        if (result is { Status: StatusResult.Types.Status.Success }) return;
        throw new InvalidOperationException($"The worker failed {step}: {result?.Exception?.Message ?? result?.Result ?? "no result"}\n{result?.Exception?.StackTrace}\n{WorkerOutput}");
    }

    private async Task StartFrontAsync(StandInHostOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var bodyLimit = options.AppSettings.TryGetValue("FUNCTIONS_REQUEST_BODY_SIZE_LIMIT", out var limit) ? long.Parse(limit, CultureInfo.InvariantCulture) : 100L * 1024 * 1024;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = bodyLimit;
        });
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        _invoker = new HttpMessageInvoker(new RetryingForwardHandler(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ActivityHeadersPropagator = null,
        }));
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();

        // TLS ends at Azure's front end, which tells the host the original scheme in X-Forwarded-Proto.
        var frontEnd = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto };
        frontEnd.KnownIPNetworks.Clear();
        frontEnd.KnownProxies.Clear();
        app.UseForwardedHeaders(frontEnd);
        app.Run(context => HandleAsync(context, forwarder));
        await app.StartAsync().ConfigureAwait(false);
        _front = app;
        BaseAddress = new Uri(ListeningAddress(app));
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
    }

    private async Task HandleAsync(HttpContext context, IHttpForwarder forwarder)
    {
        try
        {
            await _workerReady.Task.WaitAsync(TimeSpan.FromSeconds(60), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (IsReserved(path) || FindFunction(context.Request) is not { } function)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        context.Request.Headers["x-ms-invocation-id"] = invocationId;
        var forwardConfig = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(240) };
        if (_channel is null)
        {
            // A custom handler: the host forwards the request, and that is the whole invocation.
            context.Request.Headers["X-Azure-Functions-InvocationId"] = invocationId;
            context.Request.Headers["X-Azure-Functions-HostVersion"] = HostVersion;
            var error = await forwarder.SendAsync(context, _workerHttpUri!.ToString(), _invoker!, forwardConfig, HttpTransformer.Default).ConfigureAwait(false);
            Ended(new InvocationRecord(invocationId, context.Request.Method, path + context.Request.QueryString, error == ForwarderError.None, null, error.ToString()));
            return;
        }

        // As the host does: start forwarding first, so the worker's HTTP side is ready to pair with the invocation.
        var forwarding = forwarder.SendAsync(context, _workerHttpUri!.ToString(), _invoker!, forwardConfig, HttpTransformer.Default).AsTask();
        var traceContext = TraceContext();
        var request = new InvocationRequest { InvocationId = invocationId, FunctionId = function.FunctionId, TraceContext = traceContext };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Http = new RpcHttp() } });
        using var cancel = _cancelsInvocations ? context.RequestAborted.Register(() => _ = CancelAsync(invocationId)) : default;
        var invocation = _channel.RequestAsync(new StreamingMessage { InvocationRequest = request }, InvocationTimeout);

        var forwardingError = await forwarding.ConfigureAwait(false);
        var responseFirst = !invocation.IsCompleted;
        string? failure = null;
        var succeeded = false;
        try
        {
            var result = (await invocation.ConfigureAwait(false)).InvocationResponse?.Result;
            succeeded = result?.Status == StatusResult.Types.Status.Success;
            if (!succeeded) failure = result?.Exception?.Message ?? result?.Result ?? "no result";
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            failure = exception.Message;
        }

        Ended(new InvocationRecord(invocationId, context.Request.Method, path + context.Request.QueryString, succeeded, failure, forwardingError.ToString(), responseFirst, traceContext.TraceParent));
        if (forwardingError != ForwarderError.None && !context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status200OK)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private void Ended(InvocationRecord record)
    {
        lock (_invocationWaiters)
        {
            _invocations.Enqueue(record);
            foreach (var waiter in _invocationWaiters.Where(w => w.Match(record)).ToArray())
            {
                waiter.Ended.TrySetResult(record);
                _invocationWaiters.Remove(waiter);
            }
        }
    }

    private async Task CancelAsync(string invocationId)
    {
        try
        {
            await Channel.SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationCancel = new InvocationCancel { InvocationId = invocationId } }).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The worker is gone; there is nothing left to cancel.
        }
    }

    private FunctionBinding? FindFunction(HttpRequest request)
    {
        var method = request.Method.ToUpperInvariant();
        foreach (var (function, matcher) in _functions)
        {
            if (function.Methods.Count > 0 && !function.Methods.Contains(method)) continue;
            if (matcher.TryMatch(request.Path, new RouteValueDictionary())) return function;
        }

        return null;
    }

    /// <summary>The host's own endpoints, answered before any function route.</summary>
    private static bool IsReserved(string path) =>
        path.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase) || path.Equals("/admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/runtime/webhooks", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The trace context of the invocation. The real host always sends one: the id of its own invocation span, a child
    /// of the caller's <c>traceparent</c> when there was one. So does this stand-in: a span id of its own under the
    /// current trace (a test's <see cref="Activity"/>, say), or under a new trace.
    /// </summary>
    private static RpcTraceContext TraceContext()
    {
        var current = Activity.Current;
        var traceId = current?.IdFormat == ActivityIdFormat.W3C ? current.TraceId : ActivityTraceId.CreateRandom();
        var flags = current?.ActivityTraceFlags ?? ActivityTraceFlags.Recorded;
        return new RpcTraceContext
        {
            TraceParent = $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-{(flags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}",
            TraceState = current?.TraceStateString ?? string.Empty,
        };
    }
}
