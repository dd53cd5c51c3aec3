namespace NextE2eApp.App.Hooks.NotFound;

/// <summary>Port of app/hooks/not-found/edge/route.ts: notFound() on the edge runtime (accepted, no effect here).</summary>
public static class EdgeNotFoundRoute
{
    public const string Runtime = "edge";

    public static Response GET() => Next.NotFound();
}
