namespace ConformanceApp.App.Draft;

/// <summary>What app/draft/disable/route.ts would be: <c>(await draftMode()).disable()</c>.</summary>
public static class DisableRoute
{
    public static Response GET()
    {
        Next.DraftMode().Disable();
        return new Response("Draft mode is disabled");
    }
}
