using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>
/// The worker process, started as the Functions host starts a .NET isolated worker: the executable and dll from the
/// app's <c>worker.config.json</c>, the host's gRPC address and ids on the command line, the app folder as working
/// directory and in <c>FUNCTIONS_WORKER_DIRECTORY</c> / <c>FUNCTIONS_APPLICATION_DIRECTORY</c>, and every app setting
/// as an environment variable.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process) => _process = process;

    /// <summary>The process id, for signals.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the worker of the app in <paramref name="options"/>, pointed at the host's gRPC endpoint.</summary>
    /// <param name="options">The app and its settings.</param>
    /// <param name="grpcEndpoint">Where the host's gRPC service listens.</param>
    /// <param name="workerId">The id the host gives this worker.</param>
    /// <exception cref="InvalidOperationException">The app folder is not a published isolated worker.</exception>
    public static WorkerProcess Start(StandInHostOptions options, Uri grpcEndpoint, string workerId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(grpcEndpoint);
        var (executable, workerPath) = ReadWorkerConfig(options.AppDirectory);
        var requestId = Guid.NewGuid().ToString();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.AppDirectory,
        };
        if (workerPath is not null) start.ArgumentList.Add(workerPath);
        // The older arguments the host still sends (worker 2.x ignores them), then the ones it reads.
        foreach (var argument in new[]
                 {
                     "--host", grpcEndpoint.Host, "--port", grpcEndpoint.Port.ToString(CultureInfo.InvariantCulture),
                     "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", "2147483647",
                     "--functions-uri", grpcEndpoint.ToString(), "--functions-worker-id", workerId,
                     "--functions-request-id", requestId, "--functions-grpc-max-message-length", "2147483647",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in options.WorkerArguments) start.ArgumentList.Add(argument);

        // Not inherited from whoever runs the tests: the host starts the worker with its own environment.
        foreach (var key in new[] { "ASPNETCORE_URLS", "FUNCTIONS_CUSTOMHANDLER_PORT", "DOTNET_HOST_PATH" }) start.Environment.Remove(key);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray()) start.Environment.Remove(key);
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = options.AppDirectory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = options.AppDirectory;
        start.Environment["AzureWebJobsScriptRoot"] = options.AppDirectory;
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in options.AppSettings) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <exception cref="TimeoutException">It is still running.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once (a crash, an instance taken away), and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static (string Executable, string? WorkerPath) ReadWorkerConfig(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "worker.config.json");
        if (!File.Exists(path)) throw new InvalidOperationException($"{appDirectory} is not a published isolated worker: worker.config.json is missing.");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var description = config.RootElement.GetProperty("description");
        var executable = description.GetProperty("defaultExecutablePath").GetString()!;
        var workerPath = description.TryGetProperty("defaultWorkerPath", out var worker) ? worker.GetString() : null;
        if (workerPath is not null && !File.Exists(Path.Combine(appDirectory, workerPath)))
        {
            throw new InvalidOperationException($"worker.config.json names {workerPath}, which is not in {appDirectory}.");
        }

        return (executable, workerPath is null ? null : Path.Combine(appDirectory, workerPath));
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
