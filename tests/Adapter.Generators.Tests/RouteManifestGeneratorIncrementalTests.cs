using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NextRouteHandlers.Generators.Model;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>
/// The generator is incremental in fact: with step tracking on, a second run after an edit shows which named steps
/// (<see cref="TrackingNames"/>) ran again. Roslyn runs a syntax transform that uses the semantic model again for
/// each matching file whenever the compilation changes; an output equal to the last run's is reported
/// <see cref="IncrementalStepRunReason.Unchanged"/> and nothing after it runs (<see cref="IncrementalStepRunReason.Cached"/>).
/// </summary>
public class RouteManifestGeneratorIncrementalTests
{
    private const string EditedRoute = "blog/[slug]/route.cs";

    private static readonly (string Path, string Source)[] App = ManifestSnapshotTests.RepresentativeApp;

    private static readonly TrackingNames.FileSteps[] FileKinds = [TrackingNames.Route, TrackingNames.Metadata, TrackingNames.Proxy];

    /// <summary>Every named step of the pipeline; a run of the representative app reports each of them.</summary>
    private static readonly string[] AllSteps =
    [
        TrackingNames.AppOptions,
        .. new[] { TrackingNames.Route, TrackingNames.Metadata, TrackingNames.StaticFile, TrackingNames.Proxy, TrackingNames.Page }.SelectMany(k => new[] { k.Parsed, k.WithOptions, k.InApp, k.Collected }),
        TrackingNames.App,
        TrackingNames.Manifest,
        TrackingNames.Diagnostics,
    ];

    [Fact]
    public void Editing_one_route_file_reruns_only_that_files_steps()
    {
        var app = TrackedApp.Start();

        var result = app.Edit(EditedRoute, "public const int Revalidate = 60;", "public const int Revalidate = 120;\n    public static Response DELETE() => new();");

        var edited = GeneratorHarness.FullPath(EditedRoute);
        foreach (var kind in FileKinds)
        {
            AssertFileSteps(result, kind.Parsed, edited, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged);
            AssertFileSteps(result, kind.WithOptions, edited, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached);
            AssertFileSteps(result, kind.InApp, edited, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached);
        }

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Route.Collected));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Metadata.Collected));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Proxy.Collected));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.StaticFile.Collected));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Page.Collected));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.AppOptions));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.App));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Manifest));

        // The diagnostics are picked out of the new app again, but equal to the last ones: they are not reported again.
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.Diagnostics));

        var generated = Assert.Single(result.GeneratedSources).SourceText.ToString();
        Assert.Contains("RevalidateSetting.After(120)", generated, StringComparison.Ordinal);
        Assert.Contains("Delete = static invocation => new global::System.Threading.Tasks.ValueTask<global::NextRouteHandlers.Http.Response>(global::App.Blog.BlogPostRoute.DELETE())", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_handler_body_reruns_no_step_after_the_transforms()
    {
        var app = TrackedApp.Start();

        // The body is not part of any model: the file's transform runs and returns what it returned before.
        var result = app.Edit(EditedRoute, "return new NextResponse(\"posted \" + routeParams[\"slug\"]);", "return new NextResponse(\"created \" + routeParams[\"slug\"] + \" at last\");");

        var edited = GeneratorHarness.FullPath(EditedRoute);
        Assert.Equal(IncrementalStepRunReason.Unchanged, ReasonsByFile(result, TrackingNames.Route.Parsed)[edited]);
        AssertNothingRanAfterTheTransforms(result);
    }

    [Fact]
    public void Adding_a_file_outside_the_app_reruns_no_step_after_the_transforms()
    {
        var app = TrackedApp.Start();

        var result = app.Add("/proj/Services/Clock.cs", "namespace App.Services; public sealed class Clock { public DateTimeOffset Now => DateTimeOffset.UtcNow; }");

        AssertNothingRanAfterTheTransforms(result);
        Assert.Equal(app.FirstSource, Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void Moving_a_route_class_changes_its_model_but_emits_nothing_again()
    {
        var app = TrackedApp.Start();

        // Lines above the class move its location (kept for diagnostics), which the manifest does not hold.
        var result = app.Edit(EditedRoute, "namespace App.Blog;", "namespace App.Blog;\n\n// A comment that moves the class down.\n");

        var edited = GeneratorHarness.FullPath(EditedRoute);
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonsByFile(result, TrackingNames.Route.Parsed)[edited]);
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Route.Collected));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.App));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Manifest));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Diagnostics));
    }

    [Fact]
    public void Every_step_output_holds_values_only()
    {
        var app = TrackedApp.Start();
        var second = app.Edit(EditedRoute, "public const int Revalidate = 60;", "public const int Revalidate = 5;");

        foreach (var result in new[] { app.First, second })
        {
            // The driver's own input steps (AdditionalTexts, Compilation, ...) hold Roslyn objects by nature; ours may not.
            Assert.Empty(AllSteps.Except(result.TrackedSteps.Keys));
            foreach (var name in AllSteps)
            {
                var steps = result.TrackedSteps[name];
                Assert.NotEmpty(steps);
                foreach (var (value, _) in steps.SelectMany(s => s.Outputs)) ValueGraph.AssertHoldsNoRoslynObject(value, name);
            }
        }
    }

    [Fact]
    public void The_value_check_finds_a_Roslyn_object_deep_in_a_model()
    {
        var tree = GeneratorHarness.Parse("x/route.cs", "class C { }");
        var hidden = (EquatableArray.From([new Holder(tree.GetRoot())]), 1);

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ValueGraph.AssertHoldsNoRoslynObject(hidden, "Step"));

        Assert.Contains("Step.Item1._items", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CompilationUnitSyntax", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Asserts the step ran with <paramref name="editedReason"/> for the edited file and with one of
    /// <paramref name="otherReasons"/> for every other file, and that it saw other files at all.
    /// </summary>
    private static void AssertFileSteps(GeneratorRunResult result, string stepName, string editedFile, IncrementalStepRunReason editedReason, params IncrementalStepRunReason[] otherReasons)
    {
        var reasons = ReasonsByFile(result, stepName);
        var others = reasons.Where(r => r.Key != editedFile).ToList();
        Assert.True(others.Count > 0, $"{stepName} reported no file but the edited one.");
        Assert.All(others, r => Assert.True(otherReasons.Contains(r.Value), $"{stepName} for {r.Key} was {r.Value}; only {editedFile} should have run again."));
        if (stepName.StartsWith(TrackingNames.Route.Kind, StringComparison.Ordinal))
        {
            Assert.True(reasons.TryGetValue(editedFile, out var reason), $"{stepName} did not report {editedFile}.");
            Assert.Equal(editedReason, reason);
        }
        else
        {
            Assert.DoesNotContain(editedFile, reasons.Keys);
        }
    }

    /// <summary>Asserts every step after the per-file transforms was cached: the app's models, validation and emission did not run.</summary>
    private static void AssertNothingRanAfterTheTransforms(GeneratorRunResult result)
    {
        foreach (var kind in FileKinds)
        {
            // Each transform ran (the compilation changed, so its semantic model is new) and returned what it did before.
            Assert.All(ReasonsByFile(result, kind.Parsed), r => Assert.True(r.Value == IncrementalStepRunReason.Unchanged, $"{kind.Parsed} for {r.Key} was {r.Value}."));
        }

        foreach (var name in AllSteps.Except(FileKinds.Select(k => k.Parsed)))
        {
            Assert.All(Reasons(result, name), reason => Assert.True(reason == IncrementalStepRunReason.Cached, $"{name} was {reason}."));
        }
    }

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string stepName) =>
        result.TrackedSteps[stepName].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    private static Dictionary<string, IncrementalStepRunReason> ReasonsByFile(GeneratorRunResult result, string stepName) =>
        result.TrackedSteps[stepName].SelectMany(s => s.Outputs).ToDictionary(o => FileOf(o.Value), o => o.Reason, StringComparer.Ordinal);

    /// <summary>The file a per-file step's output is about: a file model, or a pair whose first item is one.</summary>
    private static string FileOf(object value) => value switch
    {
        IFileModel file => file.FilePath,
        ITuple { Length: > 0 } pair when pair[0] is IFileModel file => file.FilePath,
        _ => throw new Xunit.Sdk.XunitException($"A per-file step's output is a {value.GetType()}, which names no file."),
    };

    private sealed record Holder(object Node);

    /// <summary>The representative app run once by a driver that tracks its steps, ready for a second run after a change.</summary>
    private sealed class TrackedApp
    {
        private readonly GeneratorDriver _driver;
        private readonly Compilation _compilation;

        private TrackedApp(GeneratorDriver driver, Compilation compilation)
        {
            _driver = driver;
            _compilation = compilation;
            First = Single(driver);
            FirstSource = Assert.Single(First.GeneratedSources).SourceText.ToString();
        }

        public GeneratorRunResult First { get; }

        public string FirstSource { get; }

        public static TrackedApp Start()
        {
            var compilation = GeneratorHarness.CreateCompilation(App);
            var options = GeneratorHarness.WithStaticFiles(GeneratorHarness.DefaultGlobalOptions, ManifestSnapshotTests.RepresentativeStaticFiles);
            var driver = GeneratorHarness.CreateDriver(pages: ["(marketing)/blog/page.tsx"], globalOptions: options, trackSteps: true).RunGenerators(compilation);
            var app = new TrackedApp(driver, compilation);
            Assert.Empty(app.First.Diagnostics);
            return app;
        }

        /// <summary>Runs again after replacing <paramref name="oldText"/> in one file, as an editor would change it.</summary>
        public GeneratorRunResult Edit(string path, string oldText, string newText)
        {
            var tree = _compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.FullPath(path));
            var text = tree.GetText();
            var start = text.ToString().IndexOf(oldText, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{oldText}' is not in {path}.");
            var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(start, oldText.Length), newText)));
            return Single(_driver.RunGenerators(_compilation.ReplaceSyntaxTree(tree, edited)));
        }

        /// <summary>Runs again with one more file.</summary>
        public GeneratorRunResult Add(string path, string source) =>
            Single(_driver.RunGenerators(_compilation.AddSyntaxTrees(GeneratorHarness.Parse(path, source))));

        private static GeneratorRunResult Single(GeneratorDriver driver)
        {
            var result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            return result;
        }
    }
}

/// <summary>
/// Walks an object graph through its fields (as the Roslyn cookbook suggests for checking a pipeline's outputs) and
/// fails on any object of a Roslyn type: a symbol, syntax node, tree, semantic model, compilation or location in a
/// step's output would keep an old compilation alive and never compare equal.
/// </summary>
internal static class ValueGraph
{
    public static void AssertHoldsNoRoslynObject(object? value, string path) =>
        Walk(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null) return;
        var type = value.GetType();
        if (IsRoslyn(type)) throw new Xunit.Sdk.XunitException($"{path} holds a {type.FullName}, a Roslyn object; a step's output must be values only.");
        if (type.IsPrimitive || type.IsEnum || value is string or decimal) return;
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is Array array)
        {
            var index = 0;
            foreach (var item in (IEnumerable)array) Walk(item, $"{path}[{index++}]", seen);
            return;
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), path + "." + field.Name, seen);
            }
        }
    }

    private static bool IsRoslyn(Type type) =>
        type.Assembly.GetName().Name is { } name && name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);
}
