using System.Diagnostics;

namespace ConformanceApp;

/// <summary>
/// Writes every finished span of the sources the sample app exports (the worker's, with <c>UseFunctionsWorkerDefaults</c>,
/// and the library's) to a file, one line each: source, name, trace id, span id, parent span id, tab-separated. Test
/// use only (<c>Testing:SpanLog</c>).
/// </summary>
internal sealed class SpanLog : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Lock _lock = new();

    private SpanLog(string path)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.Azure.Functions.Worker" or "NextRouteHandlers",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var line = string.Join('\t', activity.Source.Name, activity.DisplayName, activity.TraceId.ToHexString(), activity.SpanId.ToHexString(), activity.ParentSpanId.ToHexString());
                lock (_lock) File.AppendAllText(path, line + "\n");
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts listening; the spans go to <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    public static SpanLog Start(string path) => new(path);

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
