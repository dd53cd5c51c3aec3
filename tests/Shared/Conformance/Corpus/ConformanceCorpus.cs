namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// A case file of <c>tests/Conformance</c> with what replaying it needs: the <c>adapter</c> profile, the route table of
/// the fixture app it was recorded from (when the repository has one), and its overrides file (one per case file, so
/// <c>replay.py --cases FILE --overrides FILE</c> accepts it too).
/// </summary>
public sealed class ConformanceCorpus
{
    // Declared first: the fields below are initialized in order and use it.
    /// <summary>The folder holding the recorded corpus: <c>tests/Conformance</c>.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Conformance");

    private static readonly Lazy<ReplayProfile> AdapterProfile = new(() => ReplayProfile.Load(Path.Combine(Folder, "profiles", "adapter.json")));

    private readonly Lazy<IReadOnlyList<ConformanceCase>> _cases;
    private readonly Lazy<RouteTable?> _routes;
    private readonly Lazy<IReadOnlyList<CaseOverride>> _overrides;

    private ConformanceCorpus(string name, string casesFile, string? routesFile, string overridesFile)
    {
        Name = name;
        CasesPath = Path.Combine(Folder, casesFile);
        OverridesPath = Path.Combine(Folder, overridesFile);
        _cases = new(() => CaseFile.Load(CasesPath));
        _routes = new(() => routesFile is null ? null : RouteTable.Load(Path.Combine(Folder, routesFile)));
        _overrides = new(() => OverrideFile.Load(OverridesPath, Cases.ToDictionary(c => c.Id, c => c.Steps.Count, StringComparer.Ordinal)));
    }

    /// <summary>The 90 cases recorded against the nextjs-app fixture, which tests/ConformanceApp ports.</summary>
    public static ConformanceCorpus NextjsApp { get; } = new("nextjs-app", "cases.json", "nextjs-app.routes.json", "overrides.json");

    /// <summary>
    /// The 54 cases recorded against Next.js's own app-routes e2e fixture, which tests/NextE2eApp ports, with that
    /// fixture's route table (<c>e2e/app-routes.routes.json</c>), so a 405 there expects the route's exact <c>Allow</c> list.
    /// </summary>
    public static ConformanceCorpus AppRoutesE2e { get; } = new("app-routes-e2e", Path.Combine("e2e", "cases.e2e.json"), Path.Combine("e2e", "app-routes.routes.json"), Path.Combine("e2e", "overrides.e2e.json"));

    /// <summary>Every corpus.</summary>
    public static IReadOnlyList<ConformanceCorpus> All { get; } = [NextjsApp, AppRoutesE2e];

    /// <summary>The corpus's name.</summary>
    public string Name { get; }

    /// <summary>The case file.</summary>
    public string CasesPath { get; }

    /// <summary>The overrides file.</summary>
    public string OverridesPath { get; }

    /// <summary>The cases, in file order.</summary>
    public IReadOnlyList<ConformanceCase> Cases => _cases.Value;

    /// <summary>The fixture's route table, when the repository has one.</summary>
    public RouteTable? Routes => _routes.Value;

    /// <summary>The <c>adapter</c> profile.</summary>
    public ReplayProfile Profile => AdapterProfile.Value;

    /// <summary>The overrides of this corpus's cases, each with its reason.</summary>
    public IReadOnlyList<CaseOverride> Overrides => _overrides.Value;

    /// <summary>The corpus named <paramref name="name"/>.</summary>
    /// <param name="name">A corpus name.</param>
    public static ConformanceCorpus Named(string name) => All.Single(c => c.Name == name);

    /// <summary>A replay run of this corpus against the server at <paramref name="baseAddress"/>.</summary>
    /// <param name="baseAddress">The server.</param>
    public ConformanceReplayer ReplayerFor(Uri baseAddress) => new(baseAddress, Cases, Profile, Routes, Overrides);

    /// <summary>
    /// A replay run against a server in a particular hosting (behind the Functions host, say): this corpus's overrides
    /// plus that hosting's own, read from <paramref name="hostingOverridesFile"/> (relative to <see cref="Folder"/>).
    /// A case may be overridden in one file or the other, not both.
    /// </summary>
    /// <param name="baseAddress">The server.</param>
    /// <param name="hostingOverridesFile">The hosting's overrides file.</param>
    /// <exception cref="InvalidDataException">The file is malformed, or overrides a case the corpus's file already does.</exception>
    public ConformanceReplayer ReplayerFor(Uri baseAddress, string hostingOverridesFile)
    {
        var hosting = OverrideFile.Load(Path.Combine(Folder, hostingOverridesFile), Cases.ToDictionary(c => c.Id, c => c.Steps.Count, StringComparer.Ordinal));
        var twice = hosting.Select(o => o.Id).Intersect(Overrides.Select(o => o.Id), StringComparer.Ordinal).ToArray();
        if (twice.Length > 0) throw new InvalidDataException($"overrides {hostingOverridesFile}: {string.Join(", ", twice)} already overridden in {OverridesPath}");
        return new(baseAddress, Cases, Profile, Routes, [.. Overrides, .. hosting]);
    }
}
