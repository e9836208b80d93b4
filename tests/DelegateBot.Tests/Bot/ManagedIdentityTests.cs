using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DelegateBot.BotFramework.Schema;
using Microsoft.Data.Sqlite;

namespace DelegateBot.Tests.Bot;

/// <summary>
/// MicrosoftAppType UserAssignedMSI: the bot's outgoing token comes from the host's managed identity endpoint.
/// MSAL finds App Service's endpoint through IDENTITY_ENDPOINT/IDENTITY_HEADER, which point at loopback here
/// (process-wide variables: no other test uses a managed identity).
/// </summary>
public sealed class ManagedIdentityTests : IAsyncLifetime
{
    private const string ClientId = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f";
    private const string TenantId = "11111111-2222-4333-8444-555555555555";
    private const string IdentityHeader = "loopback-identity-header";
    private readonly string _data = Directory.CreateTempSubdirectory("delegatebot-msi-").FullName;
    private readonly string? _endpointBefore = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
    private readonly string? _headerBefore = Environment.GetEnvironmentVariable("IDENTITY_HEADER");
    private TestChannel _channel = null!;
    private TestTokenIssuer _issuer = null!;

    public async Task InitializeAsync()
    {
        _channel = await TestChannel.StartAsync();
        _issuer = await TestTokenIssuer.StartAsync();
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _issuer.ManagedIdentityEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", IdentityHeader);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _endpointBefore);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _headerBefore);
        await _issuer.DisposeAsync();
        await _channel.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Replies_carry_the_managed_identitys_token_for_the_Bot_Framework_resource()
    {
        await using var app = new BotAppFactory(_data, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = ClientId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["BotOpenIdMetadata"] = _issuer.MetadataUrl,
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?"), options: BotJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.CreateToken(ClientId, _channel.ServiceUrl));

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _channel.WaitForCallsAsync(2);
        Assert.All(calls, c => Assert.Equal("Bearer " + TestTokenIssuer.ManagedIdentityAccessToken, c.Authorization));
        var (header, query) = Assert.Single(_issuer.ManagedIdentityRequests); // cached by MSAL for the second call
        Assert.Equal(IdentityHeader, header);
        Assert.Equal(("https://api.botframework.com", ClientId), (query["resource"], query["client_id"]));
        Assert.Empty(_issuer.TokenRequests); // no client secret flow
    }

    [Fact]
    public void A_managed_identity_without_an_app_id_is_reported_clearly()
    {
        var options = new BotFramework.Hosting.BotFrameworkOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppTenantId = TenantId };
        Assert.Contains("MicrosoftAppType UserAssignedMSI needs MicrosoftAppId (the managed identity's client id).", options.Validate());
    }
}
