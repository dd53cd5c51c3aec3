using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>One <c>new(pattern, appPath, sourceFile, ...)</c> entry of the generated manifest.</summary>
internal sealed partial record EmittedRoute(string Pattern, string AppPath, string SourceFile, string Text)
{
    /// <summary>Reads the route entries of a generated <c>AppRoutes.g.cs</c>, in order.</summary>
    public static IReadOnlyList<EmittedRoute> Parse(string generated)
    {
        var starts = RouteStart().Matches(generated).ToList();
        return starts.Select((m, i) =>
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : generated.Length;
            return new EmittedRoute(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, generated[m.Index..end]);
        }).ToList();
    }

    [GeneratedRegex("""new\("((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)",""")]
    private static partial Regex RouteStart();
}

/// <summary>Assertions on generator diagnostics.</summary>
internal static class DiagnosticAssert
{
    /// <summary>Asserts the run reported exactly one diagnostic, with this id and severity, and returns it.</summary>
    public static Diagnostic Single(GeneratorRun run, string id, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.True(run.GeneratorDiagnostics.Length == 1, "Expected only " + id + ", got:\n" + Describe(run.GeneratorDiagnostics));
        Assert.Equal(severity, diagnostic.Severity);
        return diagnostic;
    }

    /// <summary>Asserts the run reported no diagnostic at all.</summary>
    public static void None(GeneratorRun run) =>
        Assert.True(run.GeneratorDiagnostics.IsEmpty, "Expected no generator diagnostics, got:\n" + Describe(run.GeneratorDiagnostics));

    /// <summary>Asserts the generated code compiles: the output compilation has no errors.</summary>
    public static void Compiles(GeneratorRun run) =>
        Assert.True(run.OutputErrors.Count == 0, "The output compilation has errors:\n" + Describe(run.OutputErrors) + "\n" + run.GeneratedSource);

    /// <summary>Asserts the diagnostic points into the file at <paramref name="relativePath"/>, optionally at the text <paramref name="expectedText"/>.</summary>
    public static void LocatedIn(Diagnostic diagnostic, GeneratorRun run, string relativePath, string? expectedText = null)
    {
        var fullPath = GeneratorHarness.FullPath(relativePath);
        Assert.NotEqual(Location.None, diagnostic.Location);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(fullPath, span.Path);
        var source = run.Sources[fullPath];
        Assert.True(diagnostic.Location.SourceSpan.End <= source.Length, $"The span {diagnostic.Location.SourceSpan} lies outside {fullPath}.");
        if (expectedText is not null) Assert.Equal(expectedText, source.ToString(diagnostic.Location.SourceSpan));
    }

    /// <summary>Asserts the diagnostic points into one of the files.</summary>
    public static void LocatedInOneOf(Diagnostic diagnostic, params string[] relativePaths)
    {
        Assert.NotEqual(Location.None, diagnostic.Location);
        Assert.Contains(diagnostic.Location.GetLineSpan().Path, relativePaths.Select(GeneratorHarness.FullPath));
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => "  " + d));
}
