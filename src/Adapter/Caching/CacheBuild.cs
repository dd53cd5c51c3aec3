using System.Reflection;

namespace NextRouteHandlers.Caching;

/// <summary>The build id of the running app: part of every cache key, so a new build never serves an old build's entries.</summary>
internal sealed class CacheBuild
{
    /// <summary>Creates the build id.</summary>
    /// <param name="configured"><c>Cache:BuildId</c>, or null to derive one from the app assembly's version id (deterministic builds give the same id for the same code).</param>
    public CacheBuild(string? configured)
    {
        Id = string.IsNullOrEmpty(configured)
            ? (Assembly.GetEntryAssembly()?.ManifestModule.ModuleVersionId ?? Guid.Empty).ToString("N")[..12]
            : configured;
    }

    /// <summary>The build id.</summary>
    public string Id { get; }
}
