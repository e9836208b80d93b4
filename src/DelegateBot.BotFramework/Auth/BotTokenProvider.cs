using System.Collections.Concurrent;
using DelegateBot.BotFramework.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace DelegateBot.BotFramework.Auth;

/// <summary>
/// The bot's own token for calls to a channel (SDK: MsalAppCredentials): MSAL client credentials for
/// {ToChannelFromBotOAuthScope}/.default, cached and refreshed by MSAL. The token is only ever attached for
/// serviceUrls that arrived on authenticated inbound activities, so a forged serviceUrl cannot harvest it.
/// </summary>
public sealed class BotTokenProvider
{
    private readonly BotFrameworkOptions _options;
    private readonly ILogger<BotTokenProvider> _logger;
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<IConfidentialClientApplication>? _msal;

    public BotTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, ILogger<BotTokenProvider> logger)
    {
        _options = options.Value;
        _logger = logger;
        if (_options.IsAnonymous || string.IsNullOrWhiteSpace(_options.MicrosoftAppPassword)) return;
        _msal = new Lazy<IConfidentialClientApplication>(() =>
        {
            var builder = ConfidentialClientApplicationBuilder.Create(_options.MicrosoftAppId)
                .WithClientSecret(_options.MicrosoftAppPassword)
                .WithHttpClientFactory(new MsalHttpClientFactory(httpClients));
            // A configured authority (sovereign cloud, or a test's loopback endpoint) is used as given.
            builder = string.IsNullOrWhiteSpace(_options.MicrosoftAppAuthority)
                ? builder.WithAuthority(_options.EffectiveAuthority)
                : builder.WithAuthority(_options.EffectiveAuthority, validateAuthority: false).WithInstanceDiscovery(false);
            return builder.Build();
        });
    }

    private static string Normalize(string serviceUrl) => serviceUrl.Trim().TrimEnd('/');

    /// <summary>Remembers a serviceUrl that a validated channel token vouched for.</summary>
    public void TrustServiceUrl(string? serviceUrl)
    {
        if (!string.IsNullOrWhiteSpace(serviceUrl)) _trusted.TryAdd(Normalize(serviceUrl), 0);
    }

    public bool IsTrusted(string serviceUrl) => _trusted.ContainsKey(Normalize(serviceUrl));

    /// <summary>The bearer token for this serviceUrl, or null (anonymous mode, or a serviceUrl we were not told by a channel).</summary>
    public async Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        if (_msal is null) return null;
        if (!IsTrusted(serviceUrl))
        {
            _logger.LogWarning("Not sending the bot token to {ServiceUrl}: it did not come from an authenticated activity", serviceUrl);
            return null;
        }
        var scope = _options.ToChannelFromBotOAuthScope.TrimEnd('/');
        if (!scope.EndsWith("/.default", StringComparison.Ordinal)) scope += "/.default";
        var result = await _msal.Value.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    /// <summary>MSAL's HTTP goes through IHttpClientFactory (proxies, handlers, tests).</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(nameof(BotTokenProvider));
    }
}
