using System.Collections.Concurrent;

namespace ConformanceApp.Lib;

/// <summary>
/// Gates a test opens from outside the process: work that app/after/hold scheduled with <c>Next.After</c> waits at its
/// gate, and app/after/release opens it and reports what the work did.
/// </summary>
public static class AfterGates
{
    private static readonly ConcurrentDictionary<string, (TaskCompletionSource Release, TaskCompletionSource<string> Done)> Gates = new(StringComparer.Ordinal);

    public static (TaskCompletionSource Release, TaskCompletionSource<string> Done) For(string id) =>
        Gates.GetOrAdd(id, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)));
}
