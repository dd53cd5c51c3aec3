namespace NextRouteHandlers.Testing;

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("route-handlers-test-");

    /// <summary>The folder's full path.</summary>
    public string Path => _directory.FullName;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_directory.Exists) _directory.Delete(recursive: true);
    }
}
