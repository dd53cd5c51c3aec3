using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace NextRouteHandlers.Testing;

/// <summary>
/// A real Azurite (the Azure Storage emulator, npm package <c>azurite</c>, pinned) on 127.0.0.1 for the tests of the
/// blob and table stores. The first use installs it into <c>.tools/azurite</c> of the repository (under a file lock,
/// as test assemblies run in parallel); each instance runs in memory on free ports and is stopped by its PID. If it
/// cannot be installed or started, the tests that need it fail: they are not skipped.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>The Azurite version the tests use.</summary>
    public const string Version = "3.37.0";

    /// <summary>The emulator's public, documented development key.</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private bool _disposed;

    private Azurite(Process process, StringBuilder output, int blobPort, int tablePort)
    {
        _process = process;
        _output = output;
        BlobPort = blobPort;
        TablePort = tablePort;
    }

    /// <summary>The blob service port.</summary>
    public int BlobPort { get; }

    /// <summary>The table service port.</summary>
    public int TablePort { get; }

    /// <summary>A connection string for both services.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Installs Azurite if needed, starts it and waits until both services accept connections.</summary>
    /// <param name="blobPort">A port to reuse (to restart on the same address), or 0 for a free one.</param>
    /// <param name="tablePort">A port to reuse, or 0 for a free one.</param>
    public static async Task<Azurite> StartAsync(int blobPort = 0, int tablePort = 0)
    {
        var entry = await EnsureInstalledAsync();
        try
        {
            return await StartOnceAsync(entry, blobPort, tablePort);
        }
        catch (AzuriteExitedException) when (blobPort == 0 && tablePort == 0)
        {
            // A free port can be taken by another process between the probe and Azurite's bind (tests run in
            // parallel): once more on new ports. A second failure is the test's failure, with Azurite's output.
            return await StartOnceAsync(entry, 0, 0);
        }
    }

    private static async Task<Azurite> StartOnceAsync(string entry, int blobPort, int tablePort)
    {
        blobPort = blobPort == 0 ? LoopbackApp.FreePort() : blobPort;
        tablePort = tablePort == 0 ? LoopbackApp.FreePort() : tablePort;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     entry, "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", LoopbackApp.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, output, blobPort, tablePort);
        // Node loads Azurite's modules in a few seconds, and in far more while the other test assemblies keep both
        // cores busy: a minute before giving up.
        var started = Stopwatch.StartNew();
        while (!(await Accepts(blobPort) && await Accepts(tablePort)))
        {
            if (process.HasExited)
            {
                await azurite.DisposeAsync();
                throw new AzuriteExitedException($"Azurite exited before it listened on 127.0.0.1:{blobPort}/{tablePort}:\n{output}");
            }

            if (started.Elapsed > TimeSpan.FromSeconds(60))
            {
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{blobPort}/{tablePort} within {started.Elapsed.TotalSeconds:F0} s:\n{output}");
            }

            await Task.Delay(100);
        }

        return azurite;
    }

    /// <summary>Stops the emulator: TERM, then KILL if it lingers (it can ignore one TERM).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_process.HasExited)
        {
            _process.Dispose();
            return;
        }

        try
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var folder = Path.Combine(RepositoryPaths.Root, ".tools", "azurite");
        var entry = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "azurite.js");
        Directory.CreateDirectory(folder);
        await using var installLock = await AcquireLockAsync(Path.Combine(folder, ".install.lock"));
        if (File.Exists(entry)) return entry;

        var install = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, "azurite@" + Version }) install.ArgumentList.Add(argument);
        using var npm = Process.Start(install) ?? throw new InvalidOperationException("npm did not start; Node.js and npm are needed for the Azurite tests.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (npm.ExitCode != 0 || !File.Exists(entry))
        {
            throw new InvalidOperationException($"Installing azurite@{Version} failed (exit {npm.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return entry;
    }

    private static async Task<FileStream> AcquireLockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }
}

/// <summary>Azurite's process ended before it listened (a port taken in the meantime, say).</summary>
internal sealed class AzuriteExitedException(string message) : InvalidOperationException(message);
