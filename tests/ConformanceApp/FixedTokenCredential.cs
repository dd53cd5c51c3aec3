using Azure.Core;

namespace ConformanceApp;

/// <summary>
/// The token the end-to-end tests' stand-in of Azure Resource Manager expects (setting <c>Testing:ArmToken</c>), in
/// place of the managed identity the app asks for the Front Door purge in production.
/// </summary>
internal sealed class FixedTokenCredential(string token) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
