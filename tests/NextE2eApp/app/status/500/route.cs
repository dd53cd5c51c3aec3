namespace NextE2eApp.App.Status;

/// <summary>Port of app/status/500/route.ts: the handler throws at request time.</summary>
public static class ThrowsRoute
{
    public static Response GET() => throw new InvalidOperationException("this is a runtime error");
}
