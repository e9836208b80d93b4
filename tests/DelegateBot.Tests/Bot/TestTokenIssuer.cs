using System.Security.Cryptography;
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

    public string MetadataUrl { get; private set; } = "";
    public string KeyId { get; } = "test-key-1";
    public string[] Endorsements { get; set; } = ["emulator", "msteams"];

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new TestTokenIssuer(app);
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
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.MetadataUrl = address + "/v1/.well-known/openidconfiguration";
        return issuer;
    }

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
        _forger.Dispose();
    }
}
