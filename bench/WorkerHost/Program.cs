using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NextRouteHandlers.Testing.FunctionsHost;

// usage: WorkerHost serve <app-dir> <port> [Key=Value ...]
//          Runs the published isolated worker in <app-dir> behind the stand-in Functions host on 127.0.0.1:<port>;
//          prints "READY <url> <worker pid>" once the worker's functions are loaded, and stops on SIGTERM (WorkerTerminate).
//        WorkerHost coldstart <app-dir> <path> [Key=Value ...]
//          Starts the host, then the worker, and prints as JSON the milliseconds from spawning the worker to the
//          first 200 on <path> through the host (the host itself is already listening, as in Azure), and that
//          response's x-nextjs-cache, then stops.
//        WorkerHost proxy <port> <custom-handler-url>
//          Stands in front of a custom handler already listening at <custom-handler-url>, forwarding as the host does
//          for one; prints "READY <url>" and stops on SIGTERM.
// Key=Value pairs are app settings (environment variables of the worker).
if (args.Length < 3 || args[0] is not ("serve" or "coldstart" or "proxy"))
{
    Console.Error.WriteLine("usage: WorkerHost serve <app-dir> <port> [Key=Value ...] | WorkerHost coldstart <app-dir> <path> [Key=Value ...] | WorkerHost proxy <port> <custom-handler-url>");
    return 2;
}

if (args[0] == "proxy")
{
    await using var front = await StandInFunctionsHost.StartForCustomHandlerAsync(new Uri(args[2]), int.Parse(args[1], CultureInfo.InvariantCulture));
    Console.WriteLine($"READY {front.BaseAddress}");
    await WaitForSigtermAsync();
    return 0;
}

var settings = args.Skip(3).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);
var options = new StandInHostOptions
{
    AppDirectory = Path.GetFullPath(args[1]),
    AppSettings = settings,
    Port = args[0] == "serve" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0,
    // A bare worker has a function of its own, not the route-handler catch-all.
    RequireCatchAllFunction = false,
};

if (args[0] == "serve")
{
    await using var host = await StandInFunctionsHost.StartAsync(options);
    Console.WriteLine($"READY {host.BaseAddress} {host.Worker.ProcessId}");
    await Task.WhenAny(WaitForSigtermAsync(), host.Worker.WaitForExitAsync(Timeout.InfiniteTimeSpan));
    return host.Worker.HasExited ? 1 : await host.StopAsync();
}

var path = args[2];
using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
// Returns once the worker's functions are loaded; the first request goes out at once (the real host would already
// hold it, queued until the worker is ready).
var started = await StandInFunctionsHost.StartAsync(options);
await using (started)
{
    using var response = await client.GetAsync(new Uri(started.BaseAddress, path));
    var elapsed = Stopwatch.GetElapsedTime(started.WorkerStartedAt);
    if ((int)response.StatusCode != 200)
    {
        Console.Error.WriteLine($"{path} answered {(int)response.StatusCode}");
        return 1;
    }

    // The cache status too: a later instance's first request of a prerendered path must be a HIT.
    var cache = response.Headers.TryGetValues("x-nextjs-cache", out var values) ? string.Join(",", values) : null;
    Console.WriteLine(JsonSerializer.Serialize(new { ms = elapsed.TotalMilliseconds, workerPid = started.Worker.ProcessId, cache }));
    await started.StopAsync();
}

return 0;

static Task WaitForSigtermAsync()
{
    var stopped = new TaskCompletionSource();
    var registration = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
    {
        signal.Cancel = true;
        stopped.TrySetResult();
    });
    return stopped.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
}
