using Xunit.Abstractions;
using Xunit.Sdk;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// Runs the cases of a corpus in file order, as replay.py does (xunit's default order is by a hash). The caching
/// cases assume the order of the recording: prerendered entries first seen as the build left them.
/// </summary>
public sealed class CorpusOrder : ITestCaseOrderer
{
    /// <summary>The type name for <see cref="TestCaseOrdererAttribute"/>.</summary>
    public const string TypeName = "NextRouteHandlers.EndToEnd.Tests.Conformance.CorpusOrder";

    /// <summary>The assembly name for <see cref="TestCaseOrdererAttribute"/>.</summary>
    public const string AssemblyName = "NextRouteHandlers.EndToEnd.Tests";

    /// <inheritdoc />
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.TestMethodArguments?.FirstOrDefault() is ReplayCase replay ? replay.Index : -1).ToList();
}
