namespace NextE2eApp.App.Hooks;

/// <summary>Port of app/hooks/not-found/route.ts: notFound().</summary>
public static class NotFoundRoute
{
    public static Response GET() => Next.NotFound();
}
