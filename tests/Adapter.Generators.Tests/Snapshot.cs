using System.Reflection;
using System.Text;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>
/// Compares a generated source with the expected one checked in under <c>Snapshots/</c>, and on a mismatch fails with
/// a line diff of the two.
/// </summary>
/// <remarks>
/// To change a snapshot deliberately (the emitted code is meant to change), run
/// <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Adapter.Generators.Tests -c Release --filter FullyQualifiedName~ManifestSnapshotTests</c>:
/// each differing snapshot is rewritten and its test fails once, saying so; then review the change with
/// <c>git diff tests/Adapter.Generators.Tests/Snapshots</c>, run the tests again (they pass) and commit the files with
/// the change that explains them. Without the variable, a test never writes a snapshot.
/// </remarks>
internal static class Snapshot
{
    private const string UpdateVariable = "UPDATE_SNAPSHOTS";
    private const int Context = 3;

    /// <summary>The folder of the checked-in snapshots, in the test project's source folder.</summary>
    public static string Directory { get; } = typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SnapshotDirectory").Value!;

    /// <summary>Asserts that <paramref name="actual"/> is the snapshot <c>Snapshots/<paramref name="name"/>.g.cs.txt</c>.</summary>
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Directory, name + ".g.cs.txt");
        actual = actual.ReplaceLineEndings("\n");
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (expected == actual) return;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            throw new Xunit.Sdk.XunitException($"Snapshot {path} was {(expected is null ? "created" : "updated")}: review it with git diff, then run the tests again without {UpdateVariable}.");
        }

        if (expected is null)
        {
            throw new Xunit.Sdk.XunitException($"There is no snapshot {path}. To create it, run the test with {UpdateVariable}=1 (see Snapshot.cs).\nThe generated source:\n{actual}");
        }

        throw new Xunit.Sdk.XunitException(
            $"The generated source differs from the snapshot {path} ('-' lines of the snapshot, '+' lines generated instead, each with its line number). If the change is meant, update the snapshot with {UpdateVariable}=1 (see Snapshot.cs).\n"
            + Diff(expected, actual));
    }

    /// <summary>A line diff in the unified style: the changed lines with <see cref="Context"/> lines around them.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');

        // The longest common subsequence of lines, by dynamic programming from the end.
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) lines.Add((' ', ++x, b[y++]));
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1])) lines.Add(('-', ++x, a[x - 1]));
            else lines.Add(('+', ++y, b[y - 1]));
        }

        var text = new StringBuilder();
        var lastShown = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            var near = false;
            for (var d = Math.Max(0, k - Context); d <= Math.Min(lines.Count - 1, k + Context) && !near; d++) near = lines[d].Mark != ' ';
            if (!near) continue;
            if (lastShown >= 0 && k > lastShown + 1) text.AppendLine("...");
            text.Append(lines[k].Mark).Append(' ').Append(lines[k].Line.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').AppendLine(lines[k].Text);
            lastShown = k;
        }

        return text.ToString();
    }
}
