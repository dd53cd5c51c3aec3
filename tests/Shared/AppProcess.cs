using System.Diagnostics;
using System.Text;

namespace NextRouteHandlers.Testing;

/// <summary>
/// A built app started as its own process (<c>dotnet App.dll</c>, or a published executable) on 127.0.0.1, the way
/// the Functions host or a user starts it. Waits until the app answers <c>GET /</c> (as the Functions host does), keeps its output for
/// assertions, and stops it by PID.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _outputWaiters = [];
    private bool _disposed;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    }

    /// <summary>The process id, for signals.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Waits for the process to exit (after a signal, say) and returns its exit code.</summary>
    /// <param name="timeout">How long to wait.</param>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>The app's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client that follows no redirects and keeps no cookies.</summary>
    public HttpClient Client { get; }

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Waits until the output holds <paramref name="text"/> (it may already), signalled as lines arrive.</summary>
    /// <param name="text">The text to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <exception cref="TimeoutException">It did not appear in time.</exception>
    public Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal)) return Task.CompletedTask;
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _outputWaiters.Add((text, seen));
            return seen.Task.WaitAsync(timeout);
        }
    }

    /// <summary>Starts <paramref name="dllPath"/> and waits for it to answer.</summary>
    /// <param name="dllPath">The app's built entry assembly.</param>
    /// <param name="port">The port it will listen on.</param>
    /// <param name="arguments">Command-line arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    public static Task<AppProcess> StartAsync(string dllPath, int port, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        if (!File.Exists(dllPath)) throw new FileNotFoundException($"The app is not built: {dllPath}", dllPath);
        return StartAsync("dotnet", [dllPath, .. arguments], Path.GetDirectoryName(dllPath)!, port, environment, TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Starts a native executable (a self-contained publish, as the Functions host starts it from host.json's
    /// <c>defaultExecutablePath</c>) and waits at most <paramref name="timeout"/> for it to answer.
    /// </summary>
    /// <param name="executablePath">The executable.</param>
    /// <param name="port">The port it will listen on.</param>
    /// <param name="arguments">Command-line arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="timeout">How long it may take to answer <c>GET /</c>.</param>
    public static Task<AppProcess> StartExecutableAsync(string executablePath, int port, IEnumerable<string> arguments, IDictionary<string, string>? environment, TimeSpan timeout)
    {
        if (!File.Exists(executablePath)) throw new FileNotFoundException($"The app is not published: {executablePath}", executablePath);
        return StartAsync(executablePath, arguments, Path.GetDirectoryName(executablePath)!, port, environment, timeout);
    }

    private static async Task<AppProcess> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, int port, IDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("FUNCTIONS_CUSTOMHANDLER_PORT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync(timeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }

        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before answering:\n{Output}");
            try
            {
                using var response = await probe.GetAsync(BaseAddress);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"The app did not answer GET / within {timeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var waiter in _outputWaiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToArray())
            {
                waiter.Seen.TrySetResult();
                _outputWaiters.Remove(waiter);
            }
        }
    }
}
