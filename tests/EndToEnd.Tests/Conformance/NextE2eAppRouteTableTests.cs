using System.Text.RegularExpressions;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// tests/NextE2eApp ports exactly the route files of the e2e route table (tests/Conformance/e2e/app-routes.routes.json),
/// each exporting the same methods: the 405 and OPTIONS cases then check our Allow list against the fixture's own.
/// </summary>
public sealed partial class NextE2eAppRouteTableTests
{
    private static readonly string App = Path.Combine(RepositoryPaths.Root, "tests", "NextE2eApp");

    [Fact]
    public void Every_route_file_of_the_fixture_has_its_port_with_the_same_methods()
    {
        var expected = ConformanceCorpus.AppRoutesE2e.Routes!.Files.Select(r => $"{Port(r.File)}: {string.Join(", ", r.Methods.Order(StringComparer.Ordinal))}");
        var ported = Directory.EnumerateFiles(Path.Combine(App, "app"), "route.cs", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(App, f).Replace('\\', '/')}: {string.Join(", ", Handlers(File.ReadAllText(f)))}");

        Assert.Equal(expected.Order(StringComparer.Ordinal), ported.Order(StringComparer.Ordinal));
    }

    private static string Port(string fixtureFile) => Path.ChangeExtension(fixtureFile, ".cs");

    private static IEnumerable<string> Handlers(string source) =>
        HandlerDeclaration().Matches(source).Select(m => m.Groups["method"].Value).Distinct().Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\bpublic\s+static\s+[^=;{()]*?\b(?<method>GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\s*\(")]
    private static partial Regex HandlerDeclaration();
}
