using System.Security.Claims;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Hosting;
using DelegateBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DelegateBot.BotFramework.Auth;

/// <summary>
/// Inbound authentication as the SDK does it (JwtTokenValidation, ChannelValidation, EmulatorValidation,
/// SkillValidation). Without an app id every request is accepted anonymously (local Emulator use). With one, the
/// bearer token must be an Azure Bot Service channel token (issuer api.botframework.com, aud = app id, serviceurl
/// claim = activity.serviceUrl, signing key endorsed for the channel), an Entra token from the Emulator (appid/azp =
/// app id), or an Entra token from another bot calling this one as a skill (aud = app id, appid/azp = a bot listed
/// in AllowedCallers). Every failure, including network trouble fetching keys, is "not authenticated", never an exception.
/// </summary>
public sealed class BotFrameworkAuthenticator : IInboundAuthenticator
{
    public const string AnonymousAuthType = "anonymous";
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Claim type the identity of a skill call carries with the calling bot's app id (the reply audience).</summary>
    public const string SkillCallerClaim = "delegatebot/skillcaller";

    /// <summary>The Emulator's Entra tenants (v3.1 and v3.2 apps), as listed in the SDK's EmulatorValidation.</summary>
    private static readonly string[] EmulatorTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions _options;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;
    private readonly OpenIdKeyCache? _channelKeys;
    private readonly OpenIdKeyCache? _emulatorKeys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    private readonly BotTokenProvider _tokens;

    public BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, TimeProvider time,
        BotTokenProvider tokens, ILogger<BotFrameworkAuthenticator> logger)
    {
        _options = options.Value;
        _tokens = tokens;
        _logger = logger;
        if (_options.IsAnonymous) return;
        var http = httpClients.CreateClient(nameof(OpenIdKeyCache));
        _channelKeys = new OpenIdKeyCache(http, _options.BotOpenIdMetadata, time);
        _emulatorKeys = new OpenIdKeyCache(http, _options.EmulatorOpenIdMetadata, time);
    }

    /// <summary>Issuers of Entra tokens we accept on the emulator path: the Emulator's tenants and our own.</summary>
    private IEnumerable<string> EntraIssuers()
    {
        var tenants = EmulatorTenants.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId)) tenants = tenants.Append(_options.MicrosoftAppTenantId!);
        foreach (var t in tenants)
        {
            yield return $"https://sts.windows.net/{t}/";
            yield return $"https://login.microsoftonline.com/{t}/v2.0";
        }
    }

    public async Task<ClaimsIdentity?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (_options.IsAnonymous) return new ClaimsIdentity(AnonymousAuthType);
        ClaimsIdentity? identity;
        try
        {
            identity = await ValidateAsync(authorizationHeader, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning("Refused a request: token could not be validated ({Error})", ex.Message);
            return null;
        }
        if (identity is null) return null;
        // Replies may carry the bot's token only to a serviceUrl a valid token vouched for; to a calling bot,
        // only a token whose audience is that bot.
        try
        {
            await _tokens.TrustServiceUrlAsync(activity.ServiceUrl, identity.FindFirst(SkillCallerClaim)?.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not record the trusted serviceUrl {ServiceUrl}; replies to it will carry no token", activity.ServiceUrl);
        }
        return identity;
    }

    private async Task<ClaimsIdentity?> ValidateAsync(string? header, Activity activity, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(header)) return Refuse("no Authorization header");
        var parts = header.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return Refuse("the Authorization header is not 'Bearer <token>'");
        var raw = parts[1].Trim();
        if (!_handler.CanReadToken(raw)) return Refuse("the bearer token is not a JWT");
        var unverified = _handler.ReadJsonWebToken(raw);

        var isChannel = string.Equals(unverified.Issuer, _options.ChannelTokenIssuer, StringComparison.Ordinal);
        var entraIssuers = EntraIssuers().ToList();
        if (!isChannel && !entraIssuers.Contains(unverified.Issuer, StringComparer.Ordinal))
            return Refuse($"issuer '{unverified.Issuer}' is not trusted");

        var cache = isChannel ? _channelKeys! : _emulatorKeys!;
        var keys = await cache.GetAsync(unverified.Kid, ct).ConfigureAwait(false);
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = isChannel ? [_options.ChannelTokenIssuer] : entraIssuers,
            ValidateIssuer = true,
            // Channel tokens carry the app id as audience; Entra tokens are checked by appid/azp and aud below.
            ValidateAudience = isChannel,
            ValidAudience = _options.MicrosoftAppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = Algorithms,
            TryAllIssuerSigningKeys = false,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters).ConfigureAwait(false);
        if (!result.IsValid) return Refuse(result.Exception?.Message ?? "invalid token");
        var token = (JsonWebToken)result.SecurityToken;
        if (!Algorithms.Contains(token.Alg)) return Refuse($"algorithm '{token.Alg}' is not allowed");

        if (isChannel)
        {
            var serviceUrl = token.TryGetClaim(ServiceUrlClaim, out var c) ? c.Value : null;
            if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
                return Refuse("the token's serviceurl claim does not match the activity's serviceUrl");
            // The channel's key must be endorsed for the channel the activity claims to come from.
            if (!keys.Endorsements.TryGetValue(token.Kid ?? "", out var endorsements)
                || (!string.IsNullOrEmpty(activity.ChannelId) && !endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase)))
                return Refuse($"the signing key is not endorsed for channel '{activity.ChannelId}'");
        }
        else
        {
            var version = token.TryGetClaim("ver", out var v) ? v.Value : null;
            var appClaim = version switch { "1.0" => "appid", "2.0" => "azp", _ => null };
            if (appClaim is null) return Refuse($"token version '{version}' is not 1.0 or 2.0");
            var appId = token.TryGetClaim(appClaim, out var a) ? a.Value : null;
            var audience = token.Audiences.FirstOrDefault();
            // SDK SkillValidation.IsSkillClaim: another bot's token names us as audience and itself as appid/azp.
            var isSkill = !string.IsNullOrEmpty(appId) && !string.IsNullOrEmpty(audience)
                          && !string.Equals(audience, _options.ChannelTokenIssuer, StringComparison.OrdinalIgnoreCase)
                          && !string.Equals(appId, audience, StringComparison.OrdinalIgnoreCase);
            if (isSkill)
            {
                if (!string.Equals(audience, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)) return Refuse("a bot-to-bot token is for another audience");
                if (!_options.IsAllowedCaller(appId)) return Refuse($"the calling bot {appId} is not in AllowedCallers");
                var identity = result.ClaimsIdentity;
                identity.AddClaim(new Claim(SkillCallerClaim, appId!));
                return identity;
            }
            if (!string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)) return Refuse($"{appClaim} is not this bot's app id");
        }
        return result.ClaimsIdentity;
    }

    private ClaimsIdentity? Refuse(string reason)
    {
        _logger.LogWarning("Refused a request: {Reason}", reason);
        return null;
    }
}
