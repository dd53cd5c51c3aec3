namespace NextRouteHandlers.Proxy;

/// <summary>The app's <c>proxy.cs</c> (Next.js 16's <c>proxy.ts</c>, formerly middleware), as the source generator found it.</summary>
public sealed record ProxyDefinition
{
    /// <summary>Creates the definition.</summary>
    /// <param name="sourceFile">The file relative to the project, for messages: <c>app/proxy.cs</c>.</param>
    /// <param name="handler">The bound <c>Proxy</c> method.</param>
    /// <param name="matchers">The paths it runs for; null runs it for every request.</param>
    public ProxyDefinition(string sourceFile, ProxyHandler handler, IReadOnlyList<ProxyMatcher>? matchers = null)
    {
        SourceFile = sourceFile ?? throw new ArgumentNullException(nameof(sourceFile));
        Handler = handler ?? throw new ArgumentNullException(nameof(handler));
        Matchers = matchers;
    }

    /// <summary>The file relative to the project: <c>app/proxy.cs</c>.</summary>
    public string SourceFile { get; }

    /// <summary>The bound <c>Proxy</c> method.</summary>
    public ProxyHandler Handler { get; }

    /// <summary>The paths the proxy runs for; null runs it for every request.</summary>
    public IReadOnlyList<ProxyMatcher>? Matchers { get; }
}
