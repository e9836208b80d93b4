using System.Security.Claims;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Hosting;
using DelegateBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DelegateBot.BotFramework.Auth;

/// <summary>
/// Inbound authentication. Without an app id every request is accepted anonymously (local Emulator use, as the
/// SDK does). With an app id a token is required; until token validation is configured it is refused.
/// </summary>
public sealed class BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, ILogger<BotFrameworkAuthenticator> logger) : IInboundAuthenticator
{
    public const string AnonymousAuthType = "anonymous";

    public Task<ClaimsIdentity?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (options.Value.IsAnonymous) return Task.FromResult<ClaimsIdentity?>(new ClaimsIdentity(AnonymousAuthType));
        logger.LogWarning("Refused a request: token validation is not available in this build");
        return Task.FromResult<ClaimsIdentity?>(null);
    }
}
