namespace NextRouteHandlers.Generators;

/// <summary>
/// The names of the generator's pipeline steps (<c>WithTrackingName</c>), so a <c>GeneratorDriver</c> run with step
/// tracking shows which steps ran again and why; the incremental tests read them.
/// </summary>
internal static class TrackingNames
{
    /// <summary>The MSBuild properties the generator reads, as <see cref="Model.AppOptions"/>.</summary>
    public const string AppOptions = "AppOptions";

    /// <summary>The steps of <c>route.cs</c> files.</summary>
    public static readonly FileSteps Route = new("RouteFile");

    /// <summary>The steps of metadata files (<c>robots.cs</c>, <c>sitemap.cs</c>, ...).</summary>
    public static readonly FileSteps Metadata = new("MetadataFile");

    /// <summary>The steps of static metadata files (<c>robots.txt</c>, <c>icon.png</c>, ...; paths only).</summary>
    public static readonly FileSteps StaticFile = new("StaticMetadataFile");

    /// <summary>The steps of <c>proxy.cs</c> files.</summary>
    public static readonly FileSteps Proxy = new("ProxyFile");

    /// <summary>The steps of <c>page.*</c> files (paths only).</summary>
    public static readonly FileSteps Page = new("PageFile");

    /// <summary>All files' models validated together: a <see cref="Model.ValidatedApp"/>.</summary>
    public const string App = "App";

    /// <summary>What the emitter writes <c>AppRoutes.g.cs</c> from: a <see cref="Model.ManifestModel"/>.</summary>
    public const string Manifest = "Manifest";

    /// <summary>What is reported: the app's diagnostics.</summary>
    public const string Diagnostics = "Diagnostics";

    /// <summary>The four steps every kind of file goes through.</summary>
    /// <param name="Kind">The kind's name, which prefixes the steps'.</param>
    internal sealed record FileSteps(string Kind)
    {
        /// <summary>One file read into its model (for C# files, bound with the semantic model).</summary>
        public string Parsed => Kind;

        /// <summary>The model paired with the app options.</summary>
        public string WithOptions => Kind + "WithOptions";

        /// <summary>The model placed in the app, or dropped (outside the app folder, in a private folder).</summary>
        public string InApp => Kind + "InApp";

        /// <summary>The models of every such file of the app, collected.</summary>
        public string Collected => Kind + "s";
    }
}
