using System.Runtime.CompilerServices;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Testing;

/// <summary>
/// A streamed response that sends <c>first;</c>, then waits until the test calls <see cref="Release"/> before it sends
/// <c>second;</c>: reading the first chunk before releasing proves the chunk was flushed, not buffered.
/// </summary>
public sealed class GatedStream
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A new text/plain response streaming the two chunks.</summary>
    public Response Response() => new(Chunks(), new ResponseInit { Headers = { { "content-type", "text/plain" } } });

    /// <summary>Lets the second chunk go.</summary>
    public void Release() => _release.TrySetResult();

    private async IAsyncEnumerable<string> Chunks([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return "first;";
        await _release.Task.WaitAsync(cancellationToken);
        yield return "second;";
    }
}
