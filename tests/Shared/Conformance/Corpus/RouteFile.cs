namespace NextRouteHandlers.Testing.Conformance;

/// <summary>One route file of a fixture app.</summary>
/// <param name="Segments">Its URL pattern, one folder name per segment (<c>items</c>, <c>[slug]</c>); group folders left out.</param>
/// <param name="File">The file, relative to the app (<c>app/items/[slug]/route.ts</c>).</param>
/// <param name="Methods">The HTTP methods it exports.</param>
public sealed record RouteFile(IReadOnlyList<string> Segments, string File, IReadOnlySet<string> Methods);
