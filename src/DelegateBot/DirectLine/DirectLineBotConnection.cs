using System.Security.Claims;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Connector;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.DirectLine;

/// <summary>
/// Delivers Direct Line activities to the bot in process, through the same <see cref="CloudAdapter"/> and
/// <see cref="IBot"/> as /api/messages but without a Bot Framework token: this channel authenticated the user
/// itself (its own Direct Line token), so it vouches for the activity with a claims identity of its own.
/// </summary>
public sealed class AdapterDirectLineBot(CloudAdapter adapter, IBot bot, DirectLineServiceUrl serviceUrl) : IDirectLineBot
{
    public const string AuthenticationType = "DirectLine";

    public async Task ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(
            [new Claim("iss", "DelegateBot/DirectLine"), new Claim("serviceurl", serviceUrl.ConnectorBase)],
            AuthenticationType);
        await adapter.ProcessActivityAsync(identity, activity, bot.OnTurnAsync, cancellationToken);
    }
}

/// <summary>
/// What the bot's <see cref="ConnectorClient"/> sends to our Direct Line connector routes: the process's
/// <see cref="DirectLineConnectorKey"/>, and only there (never the MSAL token, never to another serviceUrl).
/// </summary>
public sealed class DirectLineServiceUrlCredentials(DirectLineConnectorKey key, DirectLineServiceUrl serviceUrl) : IServiceUrlCredentials
{
    public bool AppliesTo(string url) => serviceUrl.IsOwn(url);

    public Task<string?> GetTokenAsync(string url, CancellationToken cancellationToken)
        => Task.FromResult(AppliesTo(url) ? key.Value : null);
}
