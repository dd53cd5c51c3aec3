using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// The recorded files in tests/Conformance are whole and readable by the replayer: a truncated or hand-edited copy
/// fails here rather than silently replaying fewer cases.
/// </summary>
public sealed class CorpusFilesTests
{
    [Theory]
    [InlineData("nextjs-app", 90, 115, "body 10, caching 13, cors 11, methods 12, nonui 4, request 5, response 12, routing 21, streaming 2")]
    [InlineData("app-routes-e2e", 54, 63, "e2e-auto-methods 2, e2e-body 10, e2e-edge 2, e2e-errors 4, e2e-force-static 1, e2e-hooks 8, e2e-metadata 1, e2e-methods 10, e2e-params 3, e2e-prerender 5, e2e-request 2, e2e-response 2, e2e-revalidate 3, e2e-routing 1")]
    public void A_case_file_holds_every_recorded_case(string corpus, int cases, int steps, string groups)
    {
        var loaded = ConformanceCorpus.Named(corpus).Cases;

        Assert.Equal(cases, loaded.Count);
        Assert.Equal(steps, loaded.Sum(c => c.Steps.Count));
        Assert.Equal(groups, string.Join(", ", loaded.GroupBy(c => c.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Fact]
    public void Case_ids_are_unique_across_the_files()
    {
        var ids = ConformanceCorpus.All.SelectMany(c => c.Cases).Select(c => c.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_adapter_profile_applies_to_both_files_without_warnings()
    {
        var warnings = ConformanceCorpus.All
            .SelectMany(corpus => corpus.Cases.Select(c => corpus.ReplayerFor(new Uri("http://127.0.0.1:3131/")).Prepare(c)))
            .SelectMany(effective => effective.Warnings.Select(w => $"{effective.Case.Id}: {w}"));

        // Both fixtures have a route table, so every 405 expects the route's own Allow list.
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_route_table_lists_the_fixtures_route_files_with_their_methods()
    {
        var routes = ConformanceCorpus.NextjsApp.Routes!;

        Assert.Equal(["GET", "OPTIONS"], routes.Resolve("/cors/handler")!.Methods.Order(StringComparer.Ordinal));
        Assert.Equal(["POST", "PUT"], routes.Resolve("/body/array-buffer")!.Methods.Order(StringComparer.Ordinal));
        Assert.Equal("app/opt/[[...slug]]/route.ts", routes.Resolve("/opt")!.File);
    }

    [Fact]
    public void The_e2e_route_table_lists_the_fixtures_route_files_with_their_methods()
    {
        var routes = ConformanceCorpus.AppRoutesE2e.Routes!;

        Assert.Equal(35, routes.Files.Count);
        Assert.Equal(["GET"], routes.Resolve("/status/405")!.Methods);
        Assert.Equal("app/basic/(grouped)/endpoint/nested/route.ts", routes.Resolve("/basic/endpoint/nested")!.File);
        Assert.Equal("app/basic/[tenantID]/[...resource]/route.ts", routes.Resolve("/basic/vercel/some/other/resource")!.File);
        Assert.Equal(7, routes.Resolve("/basic/vercel/endpoint")!.Methods.Count);
    }
}
