namespace NextRouteHandlers.Testing.Conformance;

/// <summary>One socket read of a response body.</summary>
/// <param name="AtMs">Milliseconds since the request started.</param>
/// <param name="Bytes">How many bytes it delivered.</param>
public readonly record struct BodyRead(long AtMs, int Bytes);
