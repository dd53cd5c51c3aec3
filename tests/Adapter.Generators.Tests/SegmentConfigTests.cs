using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>RH0010: the segment config constants (Dynamic, Revalidate, ...) are checked and emitted.</summary>
public class SegmentConfigTests
{
    private const string RoutePath = "items/route.cs";

    private static GeneratorRun RunWith(string configMember) => GeneratorHarness.RunOne(RoutePath, RouteSource.Class($"""
        {configMember}

            public static Response GET() => new("hi");
        """));

    [Theory]
    [InlineData("public const string Dynamic = \"force-statik\";", "Dynamic", "'force-statik' is not one of")]
    [InlineData("public static readonly string Dynamic = \"force-static\";", "Dynamic", "it must be a string constant")]
    [InlineData("public static string Dynamic => \"force-static\";", "Dynamic", "it must be a string constant")]
    [InlineData("public const int Dynamic = 1;", "Dynamic", "it must be a string constant")]
    [InlineData("public const int Revalidate = -1;", "Revalidate", "-1 is negative")]
    [InlineData("public const bool Revalidate = true;", "Revalidate", "'true' is not a valid value")]
    [InlineData("public const string Revalidate = \"60\";", "Revalidate", "it must be an int (seconds) or the bool false")]
    [InlineData("public static readonly int Revalidate = 60;", "Revalidate", "it must be a constant")]
    [InlineData("public const string DynamicParams = \"false\";", "DynamicParams", "it must be a bool constant")]
    [InlineData("public const int MaxDuration = 0;", "MaxDuration", "0 is not a positive number of seconds")]
    [InlineData("public const string MaxDuration = \"10\";", "MaxDuration", "it must be an int constant (seconds)")]
    [InlineData("public static readonly int MaxDuration = 10;", "MaxDuration", "it must be an int constant (seconds)")]
    [InlineData("public static readonly bool DynamicParams = false;", "DynamicParams", "it must be a bool constant")]
    [InlineData("public const int MaxDuration = -5;", "MaxDuration", "-5 is not a positive number of seconds")]
    [InlineData("public const string FetchCache = \"nope\";", "FetchCache", "'nope' is not one of")]
    [InlineData("public const string Runtime = \"deno\";", "Runtime", "'deno' is not one of 'nodejs', 'edge'")]
    [InlineData("public const int PreferredRegion = 1;", "PreferredRegion", "it must be a string constant")]
    [InlineData("public static int GenerateStaticParams() => 1;", "GenerateStaticParams", "it must return IEnumerable<Dictionary<string, string>>")]
    [InlineData("public static List<Dictionary<string, int>> GenerateStaticParams() => [];", "GenerateStaticParams", "it must return IEnumerable<Dictionary<string, string>>")]
    [InlineData("public static List<Dictionary<string, string>> GenerateStaticParams(int page) => [];", "GenerateStaticParams", "it takes no parameters, or a CancellationToken")]
    [InlineData("private static List<Dictionary<string, string>> GenerateStaticParams() => [];", "GenerateStaticParams", "it must be a public or internal static method")]
    public void Invalid_config_value_is_RH0010_at_the_member(string member, string name, string expectedReason)
    {
        var run = RunWith(member);

        var diagnostic = DiagnosticAssert.Single(run, "RH0010");
        Assert.StartsWith($"{name} in app/items/route.cs: ", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(expectedReason, diagnostic.GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.LocatedIn(diagnostic, run, RoutePath, name);

        // The invalid value is not emitted; the route and the generated code are otherwise fine.
        var route = Assert.Single(run.Routes);
        Assert.DoesNotContain($"{name} = ", route.Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("public const string Dynamic = \"force-static\";", "Dynamic = global::NextRouteHandlers.Manifest.DynamicMode.ForceStatic")]
    [InlineData("public const string Dynamic = \"force-dynamic\";", "Dynamic = global::NextRouteHandlers.Manifest.DynamicMode.ForceDynamic")]
    [InlineData("public const string Dynamic = \"error\";", "Dynamic = global::NextRouteHandlers.Manifest.DynamicMode.Error")]
    [InlineData("public const string Dynamic = \"auto\";", "Dynamic = global::NextRouteHandlers.Manifest.DynamicMode.Auto")]
    [InlineData("public const bool Revalidate = false;", "Revalidate = global::NextRouteHandlers.Manifest.RevalidateSetting.Never")]
    [InlineData("public const int Revalidate = 0;", "Revalidate = global::NextRouteHandlers.Manifest.RevalidateSetting.After(0)")]
    [InlineData("public const int Revalidate = 60;", "Revalidate = global::NextRouteHandlers.Manifest.RevalidateSetting.After(60)")]
    [InlineData("public const int Revalidate = 60 * 60;", "Revalidate = global::NextRouteHandlers.Manifest.RevalidateSetting.After(3600)")]
    [InlineData("public const bool DynamicParams = false;", "DynamicParams = false")]
    [InlineData("public const bool DynamicParams = true;", "DynamicParams = true")]
    [InlineData("public const int MaxDuration = 30;", "MaxDuration = 30")]
    [InlineData("public const string FetchCache = \"force-no-store\";", "FetchCache = \"force-no-store\"")]
    [InlineData("public const string Runtime = \"edge\";", "Runtime = \"edge\"")]
    [InlineData("public const string Runtime = \"nodejs\";", "Runtime = \"nodejs\"")]
    [InlineData("public const string PreferredRegion = \"fra1\";", "PreferredRegion = \"fra1\"")]
    [InlineData("internal const string Dynamic = \"force-static\";", "Dynamic = global::NextRouteHandlers.Manifest.DynamicMode.ForceStatic")]
    public void Valid_config_value_is_emitted_and_compiles(string member, string expectedEmitted)
    {
        var run = RunWith(member);

        DiagnosticAssert.None(run);
        Assert.Contains(expectedEmitted, Assert.Single(run.Routes).Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Theory]
    [InlineData("public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() => [new() { [\"id\"] = \"1\" }];")]
    [InlineData("public static Dictionary<string, string>[] GenerateStaticParams() => [new() { [\"id\"] = \"1\" }];")]
    [InlineData("public static List<Dictionary<string, object>> GenerateStaticParams() => [new() { [\"id\"] = \"1\" }];")]
    [InlineData("public static Task<List<Dictionary<string, object>>> GenerateStaticParams() => Task.FromResult(new List<Dictionary<string, object>> { new() { [\"id\"] = \"1\" } });")]
    [InlineData("public static ValueTask<IEnumerable<Dictionary<string, string>>> GenerateStaticParams(CancellationToken cancellationToken) => new(new[] { new Dictionary<string, string> { [\"id\"] = \"1\" } });")]
    [InlineData("public static async Task<IReadOnlyList<Dictionary<string, string>>> GenerateStaticParams(CancellationToken cancellationToken) { await Task.Yield(); return [new() { [\"id\"] = \"1\" }]; }")]
    public void Valid_GenerateStaticParams_is_emitted_and_compiles(string member)
    {
        var run = RunWith(member);

        DiagnosticAssert.None(run);
        var text = Assert.Single(run.Routes).Text;
        Assert.Contains("GenerateStaticParams = static", text, StringComparison.Ordinal);
        Assert.Contains("global::App.ItemRoute.GenerateStaticParams(", text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void All_config_constants_together_are_emitted_and_compile()
    {
        var run = RunWith("""
            public const string Dynamic = "force-static";
                public const int Revalidate = 60;
                public const bool DynamicParams = false;
                public const int MaxDuration = 10;
                public const string FetchCache = "default-cache";
                public const string Runtime = "nodejs";
                public const string PreferredRegion = "auto";
                public static IEnumerable<Dictionary<string, string>> GenerateStaticParams() => [];
            """);

        DiagnosticAssert.None(run);
        var text = Assert.Single(run.Routes).Text;
        Assert.Contains("new global::NextRouteHandlers.Manifest.RouteSegmentConfig", text, StringComparison.Ordinal);
        foreach (var property in new[] { "Dynamic", "Revalidate", "DynamicParams", "MaxDuration", "FetchCache", "Runtime", "PreferredRegion", "GenerateStaticParams" })
        {
            Assert.Contains(property + " = ", text, StringComparison.Ordinal);
        }

        DiagnosticAssert.Compiles(run);
    }

    [Fact]
    public void Route_without_config_emits_no_config_object()
    {
        var run = RunWith("public const string Description = \"not a config name\";");

        DiagnosticAssert.None(run);
        Assert.DoesNotContain("RouteSegmentConfig", Assert.Single(run.Routes).Text, StringComparison.Ordinal);
        DiagnosticAssert.Compiles(run);
    }
}
