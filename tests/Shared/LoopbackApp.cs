using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Hosting;
using NextRouteHandlers.Proxy;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Manifest;
using NextRouteHandlers.Pipeline;

namespace NextRouteHandlers.Testing;

/// <summary>
/// Runs the route-handler pipeline on real Kestrel, on 127.0.0.1 and a free port, in the test process, with a
/// manifest built by the test. Log entries are captured so tests can assert what was (and was not) logged.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CompletedRequests _completed;
    private Task? _stopped;

    private LoopbackApp(WebApplication app, Uri baseAddress, LogSink logs, CompletedRequests completed)
    {
        _app = app;
        _completed = completed;
        BaseAddress = baseAddress;
        Logs = logs;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    }

    /// <summary>The app's address: <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the app that follows no redirects and keeps no cookies.</summary>
    public HttpClient Client { get; }

    /// <summary>Everything the app logged.</summary>
    public LogSink Logs { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the pipeline for <paramref name="routes"/> (and <paramref name="proxy"/>); <paramref name="services"/> runs
    /// before the pipeline registers its own, so it can replace them; <paramref name="next"/> sets next.config options;
    /// <paramref name="configuration"/> adds configuration keys (the cache uses the memory store unless told otherwise);
    /// <paramref name="environment"/> names the host environment (null: whatever the process's variables say, Production
    /// when they say nothing).
    /// </summary>
    public static async Task<LoopbackApp> StartAsync(
        IEnumerable<RouteDefinition> routes,
        Action<RouteHandlerOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<NextConfig>? next = null,
        ProxyDefinition? proxy = null,
        Dictionary<string, string?>? configuration = null,
        string? environment = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        var logs = new LogSink();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Cache:Store"] = "Memory";
        foreach (var (key, value) in configuration ?? []) builder.Configuration[key] = value;
        services?.Invoke(builder.Services);
        builder.Services.AddRouteHandlers(new RouteManifest(routes.ToArray()) { Proxy = proxy }, configure, next);
        var app = builder.Build();
        var completed = new CompletedRequests();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                completed.Add();
            }
        });
        app.MapRouteHandlers();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackApp(app, new Uri(address.TrimEnd('/') + "/"), logs, completed);
    }

    /// <summary>
    /// Waits until the server has finished handling <paramref name="count"/> requests in all (the pipeline returned:
    /// whatever it logs, it has logged), so a test can assert what did not happen without sleeping.
    /// </summary>
    /// <param name="count">How many requests, counted from the start.</param>
    public Task WhenRequestsHandledAsync(int count) => _completed.WhenAtLeastAsync(count).WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>A TCP port that was free a moment ago on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the app as its host does on shutdown (graceful: requests in flight may finish); <see cref="DisposeAsync"/> may follow.</summary>
    public Task StopAsync() => _stopped ??= _app.StopAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>An in-memory logger provider that keeps every entry.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>The entries so far.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Entries at <see cref="LogLevel.Error"/> or above.</summary>
    public IReadOnlyList<LogEntry> Errors => Entries.Where(e => e.Level >= LogLevel.Error).ToArray();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

/// <summary>One captured log entry.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>Counts the requests the server finished handling and lets a test wait for a number of them.</summary>
internal sealed class CompletedRequests
{
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _count;

    public void Add()
    {
        lock (_waiters)
        {
            _count++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _count).ToArray())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public Task WhenAtLeastAsync(int count)
    {
        lock (_waiters)
        {
            if (_count >= count) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }
}
