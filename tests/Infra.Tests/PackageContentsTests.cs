namespace Infra.Tests;

/// <summary>Neither package carries local settings or secrets.</summary>
[Collection(PublishCollection.Name)]
public class PackageContentsTests(PublishFixture publish)
{
    [Theory]
    [InlineData("worker")]
    [InlineData("custom-handler")]
    public void Nothing_local_or_secret_is_published(string mode)
    {
        var package = mode == "worker" ? publish.Worker : publish.CustomHandler;
        var files = package.Files();

        Assert.DoesNotContain("appsettings.Development.json", files);
        Assert.DoesNotContain("local.settings.json", files);
        Assert.DoesNotContain(files, f => f.EndsWith(".user", StringComparison.Ordinal));
        foreach (var settings in files.Where(f => f.StartsWith("appsettings", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(package.AppRoot, settings));
            Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("RevalidateSecret", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
