using ConformanceApp.Lib;

namespace ConformanceApp.App.Draft;

/// <summary>
/// What app/draft/status/route.ts would be: a force-static GET that reports <c>draftMode().isEnabled</c>, prerendered
/// (always false there); a draft request skips the cache and renders it with <c>true</c>.
/// </summary>
public static class StatusRoute
{
    public const string Dynamic = "force-static";

    public static Response GET() => Response.Json(Stamp.With("draft-status", ("route", "/draft/status"), ("isEnabled", Next.DraftMode().IsEnabled)));
}
