namespace NextRouteHandlers.Testing.Conformance;

/// <summary>One recorded case: requests sent in order to one server, each with what Next.js answered.</summary>
/// <param name="Id">The case id, unique in the corpus.</param>
/// <param name="Group">The group (<c>routing</c>, <c>caching</c>, ...).</param>
/// <param name="Description">What the case shows.</param>
/// <param name="Steps">The steps, in order.</param>
public sealed record ConformanceCase(string Id, string Group, string Description, IReadOnlyList<CaseStep> Steps);
