using System.Text.Json;

namespace Infra.Tests;

/// <summary>The templates compile and lint cleanly with the pinned Bicep CLI, offline.</summary>
[Collection(BicepCollection.Name)]
public class BicepToolingTests(BicepFixture fixture)
{
    // A rule that judges API versions by today's date: it may start warning as time passes without the template
    // changing, so its warnings are reported by lint but do not fail this test. Every other diagnostic does.
    private const string DateDependentRule = "use-recent-api-versions";

    private static readonly Dictionary<string, string?> Secret = new() { ["REVALIDATE_SECRET"] = "a-test-secret-of-sufficient-length" };

    [Fact]
    public async Task The_pinned_Bicep_CLI_is_the_one_that_runs()
    {
        var result = await BicepCli.RunAsync(BicepFixture.InfraFolder, null, "--version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Bicep CLI version {BicepCli.Version} ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_bicep_builds_without_errors_or_warnings()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.ToString());
        Assert.True(fixture.Build.Diagnostics.Count == 0, fixture.Build.ToString());
        Assert.NotNull(fixture.Template);
    }

    [Fact]
    public async Task Lint_reports_no_errors_and_no_warnings_other_than_api_version_age()
    {
        var result = await BicepCli.RunAsync(BicepFixture.InfraFolder, null, "lint", "main.bicep");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Errors.Count == 0, result.ToString());
        Assert.True(result.Warnings.All(w => w.Contains(DateDependentRule, StringComparison.Ordinal)), result.ToString());
    }

    [Fact]
    public async Task The_linter_config_turns_the_rules_that_matter_into_errors()
    {
        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(BicepFixture.InfraFolder, "bicepconfig.json")));
        var rules = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules");
        string[] mustBeErrors =
        [
            "no-hardcoded-env-urls", "secure-parameter-default", "outputs-should-not-contain-secrets", "use-secure-value-for-secure-inputs",
            "no-unused-params", "no-unused-vars", "adminusername-should-not-be-literal", "protect-commandtoexecute-secrets",
            "use-resource-id-functions", "use-stable-resource-identifiers", "no-unnecessary-dependson", "simplify-interpolation",
        ];

        foreach (var rule in mustBeErrors) Assert.True(rules.TryGetProperty(rule, out var r) && r.GetProperty("level").GetString() == "error", $"{rule} is not an error.");
        Assert.Contains(rules.GetProperty(DateDependentRule).GetProperty("level").GetString(), new[] { "warning", "error" });
    }

    [Fact]
    public async Task The_linter_config_is_in_force_an_unused_parameter_fails_lint()
    {
        // Lint a copy with one unused parameter added: proves bicepconfig.json is read and the rules are errors.
        var copy = Path.Combine(fixture.ScratchFolder, "lint-check");
        CopyFolder(BicepFixture.InfraFolder, copy);
        await File.AppendAllTextAsync(Path.Combine(copy, "main.bicep"), "\nparam notUsedAnywhere string = 'x'\n");

        var result = await BicepCli.RunAsync(copy, null, "lint", "main.bicep");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Errors, e => e.Contains("no-unused-params", StringComparison.Ordinal));
    }

    [Fact]
    public void No_template_uses_registry_modules_which_cannot_be_restored_offline()
    {
        var offenders = Directory.EnumerateFiles(BicepFixture.InfraFolder, "*.bicep*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("'br/", StringComparison.Ordinal) || File.ReadAllText(f).Contains("'br:", StringComparison.Ordinal) || File.ReadAllText(f).Contains("'ts:", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public async Task The_example_bicepparam_builds_with_the_secret_from_the_environment()
    {
        var output = Path.Combine(fixture.ScratchFolder, "main.parameters.json");

        var result = await BicepCli.RunAsync(BicepFixture.InfraFolder, Secret, "build-params", "main.bicepparam", "--outfile", output);

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0, result.ToString());
        using var parameters = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var values = parameters.RootElement.GetProperty("parameters");
        Assert.Equal(Secret["REVALIDATE_SECRET"], values.GetProperty("revalidateSecret").GetProperty("value").GetString());
        Assert.Equal(2048, values.GetProperty("instanceMemoryMB").GetProperty("value").GetInt32());
        Assert.Equal(JsonValueKind.Array, values.GetProperty("alwaysReady").GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task The_example_bicepparam_takes_the_secret_from_the_az_command_line()
    {
        // `az deployment group create -p infra/main.bicepparam -p revalidateSecret=...` hands inline values to
        // `bicep build-params` in this variable; only parameters the file assigns can be overridden.
        var overrides = new Dictionary<string, string?> { ["BICEP_PARAMETERS_OVERRIDES"] = """{"revalidateSecret":"from-the-command-line-0123"}""" };

        var result = await BicepCli.RunAsync(BicepFixture.InfraFolder, overrides, "build-params", "main.bicepparam", "--stdout");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var output = JsonDocument.Parse(result.Output);
        using var parameters = JsonDocument.Parse(output.RootElement.GetProperty("parametersJson").GetString()!);
        Assert.Equal("from-the-command-line-0123", parameters.RootElement.GetProperty("parameters").GetProperty("revalidateSecret").GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_example_bicepparam_refuses_to_build_without_a_secret_and_holds_none()
    {
        var result = await BicepCli.RunAsync(BicepFixture.InfraFolder, null, "build-params", "main.bicepparam", "--stdout");
        var text = await File.ReadAllTextAsync(Path.Combine(BicepFixture.InfraFolder, "main.bicepparam"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Errors, e => e.Contains("REVALIDATE_SECRET", StringComparison.Ordinal));
        Assert.Contains("param revalidateSecret = readEnvironmentVariable('REVALIDATE_SECRET')", text, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
