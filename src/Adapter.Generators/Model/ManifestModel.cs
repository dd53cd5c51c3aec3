namespace NextRouteHandlers.Generators.Model;

/// <summary>Everything <c>AppRoutes.g.cs</c> is written from, and nothing else: an edit that leaves it equal emits nothing.</summary>
/// <param name="RootNamespace">The namespace of the generated <c>AppRoutes</c> class; empty for the global namespace.</param>
/// <param name="Routes">The accepted routes, in precedence order.</param>
/// <param name="Proxy">The proxy, or null.</param>
internal sealed record ManifestModel(string RootNamespace, EquatableArray<RouteEntryModel> Routes, ProxyEntryModel? Proxy);

/// <summary>One route of the manifest.</summary>
/// <param name="Pattern">The URL pattern (<c>/blog/[slug]</c>).</param>
/// <param name="AppPath">Next.js's name for it (<c>/blog/[slug]/route</c>).</param>
/// <param name="SourceFile">The file, relative to the project.</param>
/// <param name="ClassName">The fully qualified class holding the handlers; empty for a static metadata file.</param>
/// <param name="Handlers">The bound handlers.</param>
/// <param name="Config">The segment config.</param>
/// <param name="Metadata">For a metadata route, how its content becomes a response.</param>
internal sealed record RouteEntryModel(
    string Pattern,
    string AppPath,
    string SourceFile,
    string ClassName,
    EquatableArray<HandlerModel> Handlers,
    ConfigModel Config,
    MetadataRouteModel? Metadata);

/// <summary>The manifest's proxy.</summary>
/// <param name="SourceFile">The file, relative to the project.</param>
/// <param name="ClassName">The fully qualified class holding <c>Proxy</c>.</param>
/// <param name="Handler">The bound <c>Proxy</c> method.</param>
/// <param name="Matcher">How its <c>Matcher</c> is declared, or null to run for every request.</param>
internal sealed record ProxyEntryModel(string SourceFile, string ClassName, HandlerModel Handler, MatcherForm? Matcher);

/// <summary>The app after validation: what to emit, and every diagnostic of the tree and its files.</summary>
/// <param name="Manifest">What to emit.</param>
/// <param name="Diagnostics">What to report, in a stable order.</param>
internal sealed record ValidatedApp(ManifestModel Manifest, EquatableArray<DiagnosticInfo> Diagnostics);
