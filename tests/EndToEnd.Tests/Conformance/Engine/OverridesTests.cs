using System.Text.Json.Nodes;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>The overrides file: validated entries, merged over the profile's expectation, their reasons in the result.</summary>
public sealed class OverridesTests
{
    private static readonly Dictionary<string, int> Known = new() { ["resp-json-201"] = 1, ["cache-revalidate-path"] = 6 };

    [Theory]
    [InlineData("""[{"id": "resp-json-201", "expect": {}}]""", "reason must be a non-empty string")]
    [InlineData("""[{"id": "resp-json-201", "expect": {}, "reason": "  "}]""", "reason must be a non-empty string")]
    [InlineData("""[{"id": "no-such-case", "expect": {}, "reason": "r"}]""", "unknown case id")]
    [InlineData("""[{"id": "cache-revalidate-path", "step": 6, "expect": {}, "reason": "r"}]""", "step must be an integer from 0 to 5")]
    [InlineData("""[{"id": "resp-json-201", "expect": {}, "reason": "r", "why": "x"}]""", "unknown key(s) why")]
    [InlineData("""{"id": "resp-json-201"}""", "must be a JSON array")]
    public void An_invalid_override_is_rejected(string file, string message)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "overrides.json");
        File.WriteAllText(path, file);

        Assert.Contains(message, Assert.Throws<InvalidDataException>(() => OverrideFile.Load(path, Known)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nextjs-app")]
    [InlineData("app-routes-e2e")]
    public void The_project_overrides_files_are_valid_and_name_cases_of_their_own_corpus(string name)
    {
        var corpus = ConformanceCorpus.Named(name);

        Assert.All(corpus.Overrides, o => Assert.Contains(corpus.Cases, c => c.Id == o.Id));
        Assert.All(corpus.Overrides, o => Assert.False(string.IsNullOrWhiteSpace(o.Reason)));
    }

    [Fact]
    public void An_override_replaces_status_and_headers_removes_checks_with_null_and_merge_patches_json()
    {
        var expect = (JsonObject)JsonTree.Parse("""{"status": 201, "headers": {"etag": {"present": false}, "vary": "x"}, "body": {"json": {"a": 1, "b": {"c": 2, "d": 3}}, "empty": false}}""")!;
        var patch = (JsonObject)JsonTree.Parse("""{"status": 200, "headers": {"ETag": {"present": true}, "vary": null}, "body": {"json": {"b": {"d": null, "e": {"$any": true}}}, "empty": null}}""")!;

        var merged = ExpectationPatch.Apply(expect, patch);

        Assert.Equal("""{"status":200,"headers":{"etag":{"present":true}},"body":{"json":{"a":1,"b":{"c":2,"e":{"$any":true}}}}}""", merged.ToJsonString());
        Assert.Equal(201, expect["status"]!.GetValue<int>());
    }

    [Fact]
    public void An_overridden_case_is_checked_with_the_override_and_names_its_reason()
    {
        var testCase = ConformanceCorpus.NextjsApp.Cases.Single(c => c.Id == "resp-json-201");
        var relaxed = new CaseOverride(testCase.Id, 0, (JsonObject)JsonTree.Parse("""{"status": 202}""")!, "we answer 202 on purpose (docs/deviations.md)");
        var replayer = new ConformanceReplayer(new Uri("http://127.0.0.1:3131/"), ConformanceCorpus.NextjsApp.Cases, ConformanceCorpus.NextjsApp.Profile, ConformanceCorpus.NextjsApp.Routes, [relaxed]);

        var effective = replayer.Prepare(testCase);

        Assert.Equal(202, effective.Case.Steps[0].Expect["status"]!.GetValue<int>());
        Assert.Equal("override (step 0): we answer 202 on purpose (docs/deviations.md)", Assert.Single(effective.Overrides).ToString());
    }
}
