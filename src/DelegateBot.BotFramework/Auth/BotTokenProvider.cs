using System.Collections.Concurrent;
using DelegateBot.BotFramework.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace DelegateBot.BotFramework.Auth;

/// <summary>
/// The bot's own token for calls to a channel or a calling bot (SDK: MsalAppCredentials, ManagedIdentityAppCredentials):
/// MSAL client credentials with the app's secret, or a user-assigned managed identity (MicrosoftAppType
/// UserAssignedMSI), cached and refreshed by MSAL. A token is only ever attached for serviceUrls that arrived on
/// authenticated inbound activities (<see cref="IServiceUrlTrustStore"/>, durable), and carries the audience that
/// activity implied: the Bot Framework scope for channels, the caller's app id for a skill conversation.
/// </summary>
public sealed class BotTokenProvider
{
    private readonly BotFrameworkOptions _options;
    private readonly IServiceUrlTrustStore _trust;
    private readonly ILogger<BotTokenProvider> _logger;
    private readonly ConcurrentDictionary<string, string> _audiences = new(StringComparer.Ordinal);
    private readonly Lazy<Func<string, CancellationToken, Task<string>>>? _acquire;

    public BotTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, IServiceUrlTrustStore trust, ILogger<BotTokenProvider> logger)
    {
        _options = options.Value;
        _trust = trust;
        _logger = logger;
        if (_options.IsAnonymous) return;
        var msalHttp = new MsalHttpClientFactory(httpClients);
        if (_options.IsUserAssignedManagedIdentity)
            _acquire = new(() => ManagedIdentity(msalHttp));
        else if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppPassword))
            _acquire = new(() => ClientSecret(msalHttp));
    }

    /// <summary>The audience of tokens for Azure Bot Service channels (the Emulator too).</summary>
    public string ChannelAudience => StripDefault(_options.ToChannelFromBotOAuthScope);

    private static string StripDefault(string scope)
    {
        var s = scope.Trim().TrimEnd('/');
        return s.EndsWith("/.default", StringComparison.Ordinal) ? s[..^"/.default".Length] : s;
    }

    private Func<string, CancellationToken, Task<string>> ClientSecret(IMsalHttpClientFactory http)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(_options.MicrosoftAppId)
            .WithClientSecret(_options.MicrosoftAppPassword)
            .WithHttpClientFactory(http);
        // A configured authority (sovereign cloud, or a test's loopback endpoint) is used as given.
        builder = string.IsNullOrWhiteSpace(_options.MicrosoftAppAuthority)
            ? builder.WithAuthority(_options.EffectiveAuthority)
            : builder.WithAuthority(_options.EffectiveAuthority, validateAuthority: false).WithInstanceDiscovery(false);
        var app = builder.Build();
        return async (audience, ct) =>
            (await app.AcquireTokenForClient([audience + "/.default"]).ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
    }

    /// <summary>
    /// MicrosoftAppId is the identity's client id. MSAL finds the token endpoint of the host itself (App Service's
    /// IDENTITY_ENDPOINT/IDENTITY_HEADER, Azure Arc, Service Fabric, else the VM's IMDS); a managed identity asks
    /// for a resource, not a scope.
    /// </summary>
    private Func<string, CancellationToken, Task<string>> ManagedIdentity(IMsalHttpClientFactory http)
    {
        var app = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId))
            .WithHttpClientFactory(http)
            .Build();
        return async (audience, ct) =>
            (await app.AcquireTokenForManagedIdentity(audience).ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
    }

    /// <summary>
    /// Remembers that an authenticated activity vouched for <paramref name="serviceUrl"/>, with the audience its
    /// replies need (default: the channel audience). A channel's word wins over a calling bot's, so an allowed
    /// skill caller cannot make the bot send a channel's serviceUrl tokens meant for itself.
    /// </summary>
    public async Task TrustServiceUrlAsync(string? serviceUrl, string? audience = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)) return;
        audience ??= ChannelAudience;
        var current = await GetAudienceAsync(serviceUrl, cancellationToken).ConfigureAwait(false);
        if (current == audience) return;
        if (current == ChannelAudience)
        {
            _logger.LogWarning("A calling bot named the channel serviceUrl {ServiceUrl}; its replies keep the channel audience", serviceUrl);
            return;
        }
        // This process trusts it at once; the durable record is for restarts and other instances.
        _audiences[StorageServiceUrlTrustStore.Normalize(serviceUrl)] = audience;
        await _trust.TrustAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The audience of the bot's token for this serviceUrl, or null when no authenticated activity vouched for it.</summary>
    public async Task<string?> GetAudienceAsync(string serviceUrl, CancellationToken cancellationToken = default)
    {
        var key = StorageServiceUrlTrustStore.Normalize(serviceUrl);
        if (_audiences.TryGetValue(key, out var audience)) return audience;
        audience = await _trust.GetAudienceAsync(serviceUrl, cancellationToken).ConfigureAwait(false);
        if (audience != null) _audiences[key] = audience;
        return audience;
    }

    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken = default)
        => await GetAudienceAsync(serviceUrl, cancellationToken).ConfigureAwait(false) != null;

    /// <summary>The bearer token for this serviceUrl, or null (anonymous mode, or a serviceUrl we were not told by an authenticated caller).</summary>
    public async Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        if (_acquire is null) return null;
        var audience = await GetAudienceAsync(serviceUrl, cancellationToken).ConfigureAwait(false);
        if (audience is null)
        {
            _logger.LogWarning("Not sending the bot token to {ServiceUrl}: it did not come from an authenticated activity", serviceUrl);
            return null;
        }
        return await _acquire.Value(audience, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>MSAL's HTTP goes through IHttpClientFactory (proxies, handlers, tests).</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(nameof(BotTokenProvider));
    }
}
