namespace NextE2eApp.App.Status;

/// <summary>Port of app/status/500/next/route.ts: NextResponse.next() belongs to the proxy; a route handler returning it fails.</summary>
public static class NextInHandlerRoute
{
    public static Response GET() => NextResponse.Next();
}
