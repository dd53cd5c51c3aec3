namespace ConformanceApp.App.Draft;

/// <summary>What app/draft/enable/route.ts would be (the recorded fixture has none): <c>(await draftMode()).enable()</c>.</summary>
public static class EnableRoute
{
    public static Response GET()
    {
        Next.DraftMode().Enable();
        return new Response("Draft mode is enabled");
    }
}
