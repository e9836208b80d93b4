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
/// Plays login.botframework.com on loopback: OpenID metadata and a JWKS whose key carries channel
/// endorsements, and signs tokens with that key (or with a key nobody published, for forgeries).
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _forger = RSA.Create(2048);

    private TestTokenIssuer(WebApplication app) => _app = app;

    public const string OutgoingAccessToken = "bot-token-from-loopback-entra";

    public string MetadataUrl { get; private set; } = "";

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
        app.MapGet("/v1/keys", () =>
        {
            var p = issuer._rsa.ExportParameters(false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["kid"] = issuer.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                        ["endorsements"] = issuer.Endorsements,
                    },
                },
            });
        });
        // Entra's client-credentials endpoint, as MSAL calls it for the bot's outgoing token.
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http, string tenant) =>
        {
            var form = await http.Request.ReadFormAsync();
            issuer.TokenRequests.Enqueue((tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = OutgoingAccessToken });
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        issuer.MetadataUrl = addresses.First(a => a.StartsWith("http:", StringComparison.Ordinal)) + "/v1/.well-known/openidconfiguration";
        issuer.AuthorityBaseUrl = addresses.First(a => a.StartsWith("https:", StringComparison.Ordinal));
        return issuer;
    }

    /// <summary>The bot's settings for app <paramref name="appId"/> with this issuer as its channel and Entra authority.</summary>
    public Dictionary<string, string?> BotSettings(string appId) => new()
    {
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "test-secret",
        ["BotOpenIdMetadata"] = MetadataUrl,
        ["EmulatorOpenIdMetadata"] = MetadataUrl,
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
        Certificate.Dispose();
        _forger.Dispose();
    }
}
