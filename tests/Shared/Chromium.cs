using System.Diagnostics;

namespace NextRouteHandlers.Testing;

/// <summary>
/// Headless Chromium for the tests that look at a page as a browser renders it. When <c>chromium</c> is not on PATH, the
/// first use installs the Debian package (<c>apt-get install -y --no-install-recommends chromium</c>, once, under a
/// file lock, as test assemblies run in parallel). If it cannot be installed or run, the tests that need it fail: they
/// are not skipped.
/// </summary>
public static class Chromium
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The DOM of <paramref name="url"/> after its scripts ran (<c>--dump-dom</c>).</summary>
    /// <param name="url">The page.</param>
    public static async Task<string> DumpDomAsync(Uri url) => await RunAsync("--dump-dom", url.ToString());

    /// <summary>Saves a PNG of <paramref name="url"/> at 1280×900 to <paramref name="path"/>.</summary>
    /// <param name="url">The page.</param>
    /// <param name="path">Where the PNG goes; its folder is created.</param>
    public static async Task ScreenshotAsync(Uri url, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await RunAsync("--screenshot=" + path, "--window-size=1280,900", "--hide-scrollbars", url.ToString());
        if (!File.Exists(path)) throw new InvalidOperationException($"Chromium wrote no screenshot to {path}.");
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var executable = await EnsureInstalledAsync();
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile.FullName })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"chromium {string.Join(' ', arguments)} did not finish in 60 s:\n{await stderr}");
            }

            if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited with {process.ExitCode}:\n{await stderr}");
            return await stdout;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Find() is { } found) return found;
            var folder = Path.Combine(RepositoryPaths.Root, ".tools");
            Directory.CreateDirectory(folder);
            await using var installLock = await AcquireLockAsync(Path.Combine(folder, ".chromium.lock"));
            if (Find() is { } installed) return installed;

            // A fresh machine may have no package lists yet: update them only if the first attempt fails.
            var (code, output) = await AptGetAsync("install", "-y", "--no-install-recommends", "chromium");
            if (code != 0)
            {
                await AptGetAsync("update");
                (code, output) = await AptGetAsync("install", "-y", "--no-install-recommends", "chromium");
            }

            return Find() ?? throw new InvalidOperationException($"Installing the Debian package chromium failed (exit {code}); the browser tests need it:\n{output}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);

    private static async Task<(int Code, string Output)> AptGetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("apt-get did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
            return (process.ExitCode, await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, "apt-get could not be run: " + exception.Message);
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 1200)
            {
                await Task.Delay(500);
            }
        }
    }
}
