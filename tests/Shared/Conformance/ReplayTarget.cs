using System.Globalization;
using System.Security.Cryptography;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The server one replay runs against, and the values its placeholders stand for: <c>{{origin}}</c>
/// (<c>http://127.0.0.1:3131</c>), <c>{{host}}</c> (<c>127.0.0.1:3131</c>), <c>{{port}}</c> (<c>3131</c>) and
/// <c>{{run}}</c>, a random token drawn once per replay so on-demand cache paths are new to the server.
/// </summary>
public sealed class ReplayTarget
{
    private const string RunAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Describes the server at <paramref name="baseAddress"/>, with a new run token.</summary>
    /// <param name="baseAddress">The server's address, e.g. <c>http://127.0.0.1:3131/</c>.</param>
    public ReplayTarget(Uri baseAddress)
    {
        Scheme = baseAddress.Scheme;
        Hostname = baseAddress.Host.Trim('[', ']');
        Port = baseAddress.Port;
        // The host carries the port unless it is the scheme's default (replay.py would keep an explicit ":80", which
        // Uri does not tell apart).
        Host = baseAddress.IsDefaultPort ? Hostname : $"{Hostname}:{Port.ToString(CultureInfo.InvariantCulture)}";
        Origin = $"{Scheme}://{Host}";
        Run = "r" + RandomNumberGenerator.GetString(RunAlphabet, 10);
    }

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; }

    /// <summary>The host name or address to connect to, without the port.</summary>
    public string Hostname { get; }

    /// <summary>The port to connect to.</summary>
    public int Port { get; }

    /// <summary>What <c>{{host}}</c> stands for.</summary>
    public string Host { get; }

    /// <summary>What <c>{{origin}}</c> stands for.</summary>
    public string Origin { get; }

    /// <summary>What <c>{{run}}</c> stands for.</summary>
    public string Run { get; }

    /// <summary>Whether the default port of the scheme is used (the automatic <c>Host</c> header then omits it).</summary>
    public bool IsDefaultPort => Port == (Scheme == "https" ? 443 : 80);
}
