using System.Globalization;

namespace NextRouteHandlers.Hosting;

/// <summary>
/// What the Azure Functions host tells the app it starts. As an isolated worker the app is started with the host's
/// gRPC address (the worker library reads it; see <see cref="ForIsolatedWorker"/>); as a custom handler with
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, the port it proxies every request to. Either way the host forwards the live
/// request with YARP, and enforces <c>FUNCTIONS_REQUEST_BODY_SIZE_LIMIT</c>.
/// </summary>
public sealed class FunctionsHostEnvironment
{
    /// <summary>The variable holding the port the host proxies to.</summary>
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The variable holding the request body limit the host enforces, in bytes.</summary>
    public const string BodySizeLimitVariable = "FUNCTIONS_REQUEST_BODY_SIZE_LIMIT";

    /// <summary>The host's default request body limit: 100 MiB.</summary>
    public const long DefaultBodySizeLimit = 100L * 1024 * 1024;

    /// <summary>Reads the environment.</summary>
    /// <param name="getVariable">Reads one variable; <see cref="Environment.GetEnvironmentVariable(string)"/> in production.</param>
    /// <exception cref="InvalidOperationException">A variable is set to a value that is not a valid number.</exception>
    public FunctionsHostEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var port = getVariable(PortVariable);
        if (!string.IsNullOrEmpty(port))
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{PortVariable} is '{port}', which is not a TCP port (1-65535).");
            }

            Port = value;
        }

        var limit = getVariable(BodySizeLimitVariable);
        if (string.IsNullOrEmpty(limit))
        {
            BodySizeLimit = DefaultBodySizeLimit;
        }
        else if (long.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0)
        {
            BodySizeLimit = bytes;
        }
        else
        {
            throw new InvalidOperationException($"{BodySizeLimitVariable} is '{limit}', which is not a positive number of bytes.");
        }
    }

    /// <summary>The port to listen on as a custom handler, or null when not started as one.</summary>
    public int? Port { get; }

    /// <summary>True when the Functions host started this process as its custom handler.</summary>
    public bool IsCustomHandler => Port is not null;

    /// <summary>True when the Functions host started this process as its .NET isolated worker.</summary>
    public bool IsIsolatedWorker { get; private init; }

    /// <summary>
    /// True when requests reach the app through the Functions host's forwarder (as a custom handler or as an
    /// isolated worker): the host validates function keys and sets <c>X-Forwarded-*</c>.
    /// </summary>
    public bool IsBehindHost => IsCustomHandler || IsIsolatedWorker;

    /// <summary>The largest request body accepted, in bytes (the host's limit, 100 MiB by default).</summary>
    public long BodySizeLimit { get; }

    /// <summary>The environment of this process.</summary>
    public static FunctionsHostEnvironment FromProcess() => new(Environment.GetEnvironmentVariable);

    /// <summary>The environment of an isolated worker the Functions host started (it passed its gRPC address).</summary>
    /// <param name="getVariable">Reads one variable; <see cref="Environment.GetEnvironmentVariable(string)"/> in production.</param>
    /// <exception cref="InvalidOperationException">A variable is set to a value that is not a valid number.</exception>
    public static FunctionsHostEnvironment ForIsolatedWorker(Func<string, string?> getVariable) => new(getVariable) { IsIsolatedWorker = true };
}
