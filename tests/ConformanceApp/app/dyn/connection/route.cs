using ConformanceApp.Lib;

namespace ConformanceApp.App.Dyn;

/// <summary>
/// What app/dyn/connection/route.ts would be (the recorded fixture has no such route): <c>revalidate = 60</c>, but the
/// GET awaits <c>connection()</c>, so the prerender finds the route dynamic and every request renders it.
/// </summary>
public static class ConnectionRoute
{
    public const int Revalidate = 60;

    public static async Task<Response> GET()
    {
        await Next.Connection();
        return Response.Json(Stamp.With("connection", ("route", "/dyn/connection")));
    }
}
