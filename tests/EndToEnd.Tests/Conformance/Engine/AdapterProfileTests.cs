using System.Text.Json.Nodes;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Testing.Conformance;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance.Engine;

/// <summary>What the rules of profiles/adapter.json make of recorded cases (checked against replay.py's --dump-effective output).</summary>
public sealed class AdapterProfileTests
{
    private static readonly ConformanceReplayer Replayer = new(new Uri("http://127.0.0.1:3131/"), ConformanceCorpus.NextjsApp.Cases, ConformanceCorpus.NextjsApp.Profile, ConformanceCorpus.NextjsApp.Routes, []);

    [Theory]
    [InlineData("methods-getonly-post-405", "GET, HEAD, OPTIONS")]
    [InlineData("proxy-405", "GET, HEAD, OPTIONS")]
    public void A_405_without_allow_must_carry_the_routes_method_list(string id, string allow)
    {
        var effective = Prepare(id);

        Assert.Equal(allow, JsonTree.AsString(Headers(effective)["allow"]?["tokenSet"]));
        Assert.Contains("405-allow", effective.StepRules[0]);
    }

    [Fact]
    public void The_method_list_comes_from_a_recorded_automatic_options_or_else_from_the_route_file()
    {
        var table = ConformanceCorpus.NextjsApp.Routes!;

        Assert.Equal("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT", RouteTable.AllowList(table.Resolve("/methods/all")!.Methods));
        Assert.Equal("app/p/new/route.ts", table.Resolve("/p/new?x=1")!.File);
        Assert.Equal("app/p/[id]/route.ts", table.Resolve("/p/NEW")!.File);
        Assert.Equal("app/p/[...rest]/route.ts", table.Resolve("/p/new/extra")!.File);
        Assert.Equal("app/(marketing)/about/route.ts", table.Resolve("/about")!.File);
        Assert.Null(table.Resolve("/p"));
        Assert.Null(table.Resolve("/_internal"));
    }

    [Fact]
    public void Vary_keeps_only_the_tokens_a_handler_sets()
    {
        var vary = Headers(Prepare("cors-handler-get"))["vary"]!;

        Assert.Equal("Origin", JsonTree.AsString(vary["tokenSet"]));
        Assert.True(vary["caseInsensitive"]!.GetValue<bool>());
    }

    [Fact]
    public void A_step_sending_rsc_is_not_checked_and_transport_headers_never_are()
    {
        Assert.Empty(Prepare("route-rsc-header").Case.Steps[0].Expect);
        var headers = Headers(Prepare("route-slug-basic"));
        Assert.False(headers.ContainsKey("transfer-encoding"));
        Assert.False(headers.ContainsKey("x-powered-by"));
        Assert.True(headers.ContainsKey("x-nextjs-cache"));
    }

    [Fact]
    public void A_sent_host_header_is_the_host_of_the_expected_urls()
    {
        var json = Prepare("req-inspect-host-header").Case.Steps[0].Expect["body"]!["json"]!;

        Assert.Equal("http://public.example:8080/req/inspect?h=1", JsonTree.AsString(json["url"]));
        Assert.Equal("public.example:8080", JsonTree.AsString(json["nextUrl"]!["host"]));
        Assert.True(JsonTree.IsMarker(json["nextHeadersHeaders"]!["x-forwarded-port"], out var marker, out _) && marker == "$ignore");
    }

    [Fact]
    public void A_rule_without_a_reason_or_of_an_unknown_kind_is_rejected()
    {
        using var folder = new TemporaryFolder();
        var noReason = Write(folder, "no-reason.json", """{"rules": [{"name": "x", "type": "ignore", "kind": "ignore-headers", "headers": ["etag"]}]}""");
        var unknownKind = Write(folder, "unknown.json", """{"rules": [{"name": "x", "type": "ignore", "kind": "ignore-everything", "reason": "r"}]}""");

        Assert.Contains("needs a reason", Assert.Throws<InvalidDataException>(() => ReplayProfile.Load(noReason)).Message, StringComparison.Ordinal);
        Assert.Contains("unknown kind", Assert.Throws<InvalidDataException>(() => ReplayProfile.Load(unknownKind)).Message, StringComparison.Ordinal);
    }

    private static string Write(TemporaryFolder folder, string name, string text)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static EffectiveCase Prepare(string id) => Replayer.Prepare(ConformanceCorpus.NextjsApp.Cases.Single(c => c.Id == id));

    private static JsonObject Headers(EffectiveCase effective) => (JsonObject)effective.Case.Steps[0].Expect["headers"]!;
}
