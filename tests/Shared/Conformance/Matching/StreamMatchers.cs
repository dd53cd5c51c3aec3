using System.Text.Json.Nodes;

namespace NextRouteHandlers.Testing.Conformance;

/// <summary>
/// The <c>stream</c> part of an expectation, over the separate socket reads that delivered the body:
/// <c>minReads</c> (at least that many reads), <c>minSpanMs</c> (first to last read at least that far apart) and
/// <c>maxFirstByteMs</c> (the first body bytes at most that long after the request started).
/// </summary>
public static class StreamMatchers
{
    /// <summary>Adds one message per rule that does not hold.</summary>
    /// <param name="response">The response.</param>
    /// <param name="expected">The <c>stream</c> object of the expectation.</param>
    /// <param name="errors">Where the messages go.</param>
    public static void Check(WireResponse response, JsonObject expected, List<string> errors)
    {
        var reads = response.Reads.Where(read => read.Bytes > 0).ToList();
        if (Limit(expected, "minReads") is { } minReads && reads.Count < minReads)
        {
            errors.Add($"stream: expected >= {minReads} separate reads, got {reads.Count}");
        }

        var span = reads.Count > 0 ? reads[^1].AtMs - reads[0].AtMs : 0;
        if (Limit(expected, "minSpanMs") is { } minSpan && span < minSpan)
        {
            errors.Add($"stream: first-to-last data span {span}ms < {minSpan}ms");
        }

        if (Limit(expected, "maxFirstByteMs") is { } maxFirstByte && (reads.Count == 0 || reads[0].AtMs > maxFirstByte))
        {
            errors.Add($"stream: first data at {(reads.Count > 0 ? reads[0].AtMs + "ms" : "none")} > {maxFirstByte}ms");
        }
    }

    private static double? Limit(JsonObject expected, string key) =>
        expected.TryGetPropertyValue(key, out var value) && value is not null ? JsonTree.ToDouble(value) : null;
}
