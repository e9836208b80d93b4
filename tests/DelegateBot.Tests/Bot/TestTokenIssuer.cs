using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DelegateBot.Tests.Bot;

/// <summary>
/// Plays login.botframework.com and Entra on loopback: the channel's OpenID metadata and a JWKS whose key carries
/// channel endorsements, signing tokens with that key (or with a key nobody published, for forgeries); and an
/// Entra tenant (v2.0 metadata, a JWKS without endorsements, the client-credentials token endpoint over https).
/// A token asked for another bot (scope "{appId}/.default") is a real Entra-style JWT that bot can validate;
/// the channel scope gets <see cref="OutgoingAccessToken"/>, which our test channels only compare.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _forger = RSA.Create(2048);
    private readonly RSA _entra = RSA.Create(2048);

    /// <summary>The Entra tenant of multi-tenant bot apps (login.microsoftonline.com/botframework.com).</summary>
    public const string BotFrameworkTenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string EntraKeyId = "entra-key-1";

    /// <summary>Entra's v1 token issuer for a tenant, as the SDKs list it for skills and the Emulator.</summary>
    public static string EntraIssuer(string tenantId = BotFrameworkTenantId) => $"https://sts.windows.net/{tenantId}/";

    private TestTokenIssuer(WebApplication app) => _app = app;

    public const string OutgoingAccessToken = "bot-token-from-loopback-entra";
    public const string ManagedIdentityAccessToken = "bot-token-from-loopback-managed-identity";

    /// <summary>The loopback stand-in for App Service's IDENTITY_ENDPOINT.</summary>
    public string ManagedIdentityEndpoint { get; private set; } = "";

    public System.Collections.Concurrent.ConcurrentQueue<(string Header, Dictionary<string, string> Query)> ManagedIdentityRequests { get; } = new();

    public string MetadataUrl { get; private set; } = "";

    /// <summary>Entra's OpenID metadata for the botframework.com tenant (http, for the bots' token validation).</summary>
    public string EntraMetadataUrl { get; private set; } = "";

    /// <summary>The base of the loopback token authority, e.g. https://127.0.0.1:1234.</summary>
    public string AuthorityBaseUrl { get; private set; } = "";

    /// <summary>The self-signed certificate of the https endpoint; the app under test trusts exactly this one.</summary>
    public X509Certificate2 Certificate { get; private init; } = null!;

    private static X509Certificate2 CreateLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    public System.Collections.Concurrent.ConcurrentQueue<(string Tenant, Dictionary<string, string> Form)> TokenRequests { get; } = new();
    public string KeyId { get; } = "test-key-1";
    public string[] Endorsements { get; set; } = ["emulator", "msteams"];

    public static async Task<TestTokenIssuer> StartAsync()
    {
        // MSAL insists on an https authority: the token endpoint gets a self-signed loopback certificate.
        var certificate = CreateLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate));
        });
        var app = builder.Build();
        var issuer = new TestTokenIssuer(app) { Certificate = certificate };
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = ChannelIssuer,
            ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/v1/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/v1/keys", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[] { Jwk(issuer._rsa, issuer.KeyId, issuer.Endorsements) },
        }));
        // Entra's metadata, as MSAL (msal-node: {authority}/v2.0/...) and token validators read it.
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext http, string tenant) =>
        {
            var https = issuer.AuthorityBaseUrl;
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = $"https://login.microsoftonline.com/{TenantIdOf(tenant)}/v2.0",
                ["authorization_endpoint"] = $"{https}/{tenant}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{https}/{tenant}/oauth2/v2.0/token",
                ["end_session_endpoint"] = $"{https}/{tenant}/oauth2/v2.0/logout",
                ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/{tenant}/discovery/v2.0/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[] { Jwk(issuer._entra, EntraKeyId, endorsements: null) },
        }));
        // Entra's client-credentials endpoint, as MSAL calls it for the bot's outgoing token.
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http, string tenant) =>
        {
            var form = await http.Request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            issuer.TokenRequests.Enqueue((tenant, fields));
            var scope = fields.GetValueOrDefault("scope") ?? "";
            var resource = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
            var token = Guid.TryParse(resource, out _)
                ? issuer.CreateEntraToken(resource, fields.GetValueOrDefault("client_id") ?? "", TenantIdOf(tenant))
                : OutgoingAccessToken;
            return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = token });
        });
        // App Service's managed identity endpoint (IDENTITY_ENDPOINT/IDENTITY_HEADER), as MSAL calls it.
        app.MapGet("/msi/token", (HttpContext http) =>
        {
            issuer.ManagedIdentityRequests.Enqueue((http.Request.Headers["X-IDENTITY-HEADER"].ToString(),
                http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())));
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = ManagedIdentityAccessToken,
                ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = http.Request.Query["resource"].ToString(),
                ["token_type"] = "Bearer",
                ["client_id"] = http.Request.Query["client_id"].ToString(),
            });
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        issuer.MetadataUrl = addresses.First(a => a.StartsWith("http:", StringComparison.Ordinal)) + "/v1/.well-known/openidconfiguration";
        issuer.AuthorityBaseUrl = addresses.First(a => a.StartsWith("https:", StringComparison.Ordinal));
        issuer.ManagedIdentityEndpoint = addresses.First(a => a.StartsWith("http:", StringComparison.Ordinal)) + "/msi/token";
        issuer.EntraMetadataUrl = addresses.First(a => a.StartsWith("http:", StringComparison.Ordinal)) + "/botframework.com/v2.0/.well-known/openid-configuration";
        return issuer;
    }

    /// <summary>"botframework.com" is the multi-tenant bots' tenant; any other path segment is a tenant id.</summary>
    private static string TenantIdOf(string tenant) => tenant == "botframework.com" ? BotFrameworkTenantId : tenant;

    private static Dictionary<string, object> Jwk(RSA rsa, string keyId, string[]? endorsements)
    {
        var p = rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements != null) jwk["endorsements"] = endorsements;
        return jwk;
    }

    /// <summary>The PEM of the https endpoint's certificate (Node's NODE_EXTRA_CA_CERTS).</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>
    /// A v1 Entra access token as one bot gets it for calling another (SDK skills): issuer sts.windows.net/{tenant}/,
    /// aud = the called bot's app id, appid = the caller's, signed with the Entra key.
    /// </summary>
    public string CreateEntraToken(string audience, string callerAppId, string tenantId = BotFrameworkTenantId, DateTime? expires = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(60);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = EntraIssuer(tenantId),
            Audience = audience,
            IssuedAt = exp.AddMinutes(-65),
            NotBefore = exp.AddMinutes(-65),
            Expires = exp,
            Claims = new Dictionary<string, object> { ["appid"] = callerAppId, ["ver"] = "1.0", ["tid"] = tenantId },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_entra) { KeyId = EntraKeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The bot's settings for app <paramref name="appId"/> with this issuer as its channel and Entra authority.</summary>
    public Dictionary<string, string?> BotSettings(string appId) => new()
    {
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "test-secret",
        ["BotOpenIdMetadata"] = MetadataUrl,
        ["EmulatorOpenIdMetadata"] = EntraMetadataUrl,
        ["MicrosoftAppAuthority"] = AuthorityBaseUrl + "/botframework.com",
    };

    /// <summary>Makes the bot's MSAL client trust this issuer's loopback certificate, and nothing else.</summary>
    public void TrustedBy(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        services.AddHttpClient(nameof(DelegateBot.BotFramework.Auth.BotTokenProvider)).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == Certificate.Thumbprint,
        });

    /// <summary>A channel token as Azure Bot Service sends it; each argument can be spoiled by a test.</summary>
    public string CreateToken(string audience, string serviceUrl, string issuer = ChannelIssuer, DateTime? expires = null,
        bool forged = false, IDictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddMinutes(30);
        var key = new RsaSecurityKey(forged ? _forger : _rsa) { KeyId = KeyId };
        var all = new Dictionary<string, object> { ["serviceurl"] = serviceUrl };
        foreach (var (k, v) in claims ?? new Dictionary<string, object>()) all[k] = v;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-40),
            NotBefore = exp.AddMinutes(-40),
            Expires = exp,
            Claims = all,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
        _entra.Dispose();
        Certificate.Dispose();
        _forger.Dispose();
    }
}
