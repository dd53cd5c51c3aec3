using Microsoft.Extensions.Configuration;

namespace NextRouteHandlers.Proxy;

/// <summary>
/// Binds the list form of <c>Next:Rewrites</c> (<c>"Rewrites": [ ... ]</c>, which is how next.config writes the
/// <c>afterFiles</c> rewrites) to <see cref="RewriteRules.AfterFiles"/>. The object form binds by itself.
/// </summary>
internal static class RewriteListBinding
{
    /// <summary>Adds the numbered children of <c>Next:Rewrites</c> to the <c>afterFiles</c> rewrites.</summary>
    public static void Bind(NextConfig options, IConfiguration configuration)
    {
        foreach (var child in configuration.GetSection(NextConfig.SectionName + ":Rewrites").GetChildren())
        {
            if (!int.TryParse(child.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)) continue;
            var rule = new RewriteRule();
            child.Bind(rule);
            options.Rewrites.AfterFiles.Add(rule);
        }
    }
}
