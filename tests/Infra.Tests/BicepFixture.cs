namespace Infra.Tests;

/// <summary>Compiles <c>infra/main.bicep</c> once for every test of the collection.</summary>
public sealed class BicepFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "infra-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The <c>infra</c> folder of the repository.</summary>
    public static string InfraFolder => Path.Combine(NextRouteHandlers.Testing.RepositoryPaths.Root, "infra");

    /// <summary>The result of <c>bicep build infra/main.bicep</c>.</summary>
    public BicepResult Build { get; private set; } = null!;

    /// <summary>The compiled template; null when the build failed (the build test reports why).</summary>
    public ArmTemplate? Template { get; private set; }

    /// <summary>A scratch folder, deleted after the collection.</summary>
    public string ScratchFolder => _folder;

    /// <summary>The compiled template, or a failure that shows bicep's output.</summary>
    public ArmTemplate Compiled => Template ?? throw new Xunit.Sdk.XunitException("infra/main.bicep did not compile:\n" + Build);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var output = Path.Combine(_folder, "main.json");
        Build = await BicepCli.RunAsync(InfraFolder, null, "build", "main.bicep", "--outfile", output);
        if (Build.ExitCode == 0 && File.Exists(output)) Template = new ArmTemplate(await File.ReadAllTextAsync(output));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepFixture>
{
    public const string Name = "Bicep";
}
