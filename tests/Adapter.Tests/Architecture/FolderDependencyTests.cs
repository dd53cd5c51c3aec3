using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NextRouteHandlers.Testing;

namespace NextRouteHandlers.Tests.Architecture;

/// <summary>
/// The folders of src/Adapter form layers, read top-down: hosting, the pipeline, rendering, invocation, caching, the
/// manifest, then the leaves (proxy rules, routing, http, urls) that know nothing above them. Every name a file uses is
/// resolved (with Roslyn, over the library's own sources) to the folder that declares it, and each folder may use only
/// the folders listed for it here. A new folder, or a new arrow, is a decision: add it below, keeping the map acyclic.
/// </summary>
public class FolderDependencyTests
{
    private const string Root = "(root)";

    /// <summary>What each folder may use, besides itself and the framework.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        ["Diagnostics"] = [],
        ["Urls"] = [],
        ["Routing"] = ["Urls"],
        ["Http"] = ["Urls"],
        ["Proxy"] = ["Http", "Urls", "Diagnostics"],
        ["Metadata"] = ["Http"],
        ["Manifest"] = ["Routing", "Http", "Proxy"],
        ["Caching"] = ["Manifest", "Routing", "Http", "Urls", "Diagnostics"],
        ["Invocation"] = ["Caching", "Manifest", "Routing", "Http", "Diagnostics"],
        ["Cdn"] = ["Caching", "Urls", "Diagnostics"],
        [Root] = ["Invocation", "Caching", "Http", "Diagnostics"],
        ["Rendering"] = ["Invocation", "Caching", "Manifest", "Routing", "Http", "Urls", "Diagnostics"],
        ["Development"] = ["Rendering", "Caching", "Manifest"],
        ["Pipeline"] = ["Cdn", "Rendering", "Invocation", "Caching", "Proxy", "Manifest", "Routing", "Http", "Urls", "Metadata", "Diagnostics"],
        ["Hosting"] = ["Development", "Pipeline", "Cdn", "Rendering", "Invocation", "Caching", "Proxy", "Manifest", "Routing", "Http", "Urls", "Metadata", "Diagnostics", Root],
    };

    private static readonly Lazy<IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>>> Uses = new(ReadUses);

    [Fact]
    public void The_allowed_map_has_no_cycle()
    {
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);

        foreach (var folder in MayUse.Keys) Visit(folder, []);

        void Visit(string folder, List<string> path)
        {
            if (done.Contains(folder)) return;
            Assert.True(visiting.Add(folder), "The map has a cycle: " + string.Join(" -> ", path.Append(folder)));
            foreach (var used in MayUse[folder]) Visit(used, [.. path, folder]);
            visiting.Remove(folder);
            done.Add(folder);
        }
    }

    [Fact]
    public void Every_folder_of_the_library_is_in_the_map()
    {
        var folders = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories).Where(IsSource).Select(FolderOf).Distinct();

        Assert.DoesNotContain(folders, f => !MayUse.ContainsKey(f));
    }

    [Fact]
    public void No_folder_uses_one_it_must_not()
    {
        var violations = Uses.Value
            .Where(use => !MayUse[use.Key.From].Contains(use.Key.To))
            .Select(use => $"{use.Key.From} uses {use.Key.To}: {string.Join(", ", use.Value.Take(5))}")
            .ToArray();

        Assert.True(violations.Length == 0, "Folder dependencies the layering forbids:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_check_sees_real_dependencies()
    {
        // If name resolution silently failed, every test above would pass on an empty graph.
        Assert.Contains(("Pipeline", "Caching"), Uses.Value.Keys);
        Assert.Contains(("Manifest", "Http"), Uses.Value.Keys);
        Assert.True(Uses.Value.Count >= 20, $"Only {Uses.Value.Count} folder dependencies were found.");
    }

    private static string SourceRoot => Path.Combine(RepositoryPaths.Root, "src", "Adapter");

    private static bool IsSource(string path) => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string FolderOf(string path)
    {
        var relative = Path.GetRelativePath(SourceRoot, path);
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return separator < 0 ? Root : relative[..separator];
    }

    private static IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> ReadUses()
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories).Where(IsSource)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path)).ToList();
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
            options,
            "ImplicitUsings.cs");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(d => !Path.GetFileName(d).StartsWith("NextRouteHandlers", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Adapter", [.. trees, implicitUsings], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var uses = new Dictionary<(string, string), List<string>>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var from = FolderOf(tree.FilePath);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                var declared = symbol is INamedTypeSymbol ? symbol : symbol?.ContainingType;
                if (declared?.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree is not { } declaring || !trees.Contains(declaring)) continue;
                var to = FolderOf(declaring.FilePath);
                if (to == from) continue;
                if (!uses.TryGetValue((from, to), out var examples)) uses[(from, to)] = examples = [];
                var example = $"{Path.GetFileName(tree.FilePath)} -> {declared.Name}";
                if (!examples.Contains(example)) examples.Add(example);
            }
        }

        return uses.ToDictionary(u => u.Key, u => (IReadOnlyList<string>)u.Value);
    }
}
