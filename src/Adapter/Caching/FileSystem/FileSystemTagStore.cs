namespace NextRouteHandlers.Caching.FileSystem;

/// <summary>
/// Tag state in one JSON file beside the file-system entries, so invalidations survive a restart. Serves one
/// instance: reads come from memory, writes rewrite the file atomically (temporary file, then rename).
/// </summary>
internal sealed class FileSystemTagStore : ITagStore
{
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, TagState>? _states;

    /// <summary>Creates the store.</summary>
    /// <param name="root">The cache folder; the file is <c>tags.json</c> in it.</param>
    public FileSystemTagStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Directory.CreateDirectory(root);
        _path = Path.Combine(Path.GetFullPath(root), "tags.json");
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, TagState>> GetAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new Dictionary<string, TagState>(await LoadAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(IReadOnlyList<TagState> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await LoadAsync(cancellationToken).ConfigureAwait(false);
            TagStateDocument.Apply(all, states);
            var temporary = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, TagStateDocument.Serialize(all), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, TagState>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_states is not null) return _states;
        _states = File.Exists(_path)
            ? TagStateDocument.Deserialize(await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false))
            : new Dictionary<string, TagState>(StringComparer.Ordinal);
        return _states;
    }
}
