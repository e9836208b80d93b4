using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DelegateBot.BotFramework.Auth;
using DelegateBot.BotFramework.Hosting;
using DelegateBot.BotFramework.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DelegateBot.Tests.Bot;

/// <summary>With an app id configured, only correctly signed, addressed and endorsed tokens get through.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "6a1c3f1e-7d2b-4c55-9e8a-1f0b2c3d4e5f";
    private const string RootBotId = "0b7e2a64-9c1d-4f3e-8a5b-6c7d8e9f0a1b";
    private readonly string _data = Directory.CreateTempSubdirectory("delegatebot-auth-").FullName;
    private TestChannel _channel = null!;
    private TestTokenIssuer _issuer = null!;
    private BotAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _channel = await TestChannel.StartAsync();
        _issuer = await TestTokenIssuer.StartAsync();
        _app = CreateApp();
    }

    private BotAppFactory CreateApp()
    {
        var settings = _issuer.BotSettings(AppId);
        settings["AllowedCallers:0"] = RootBotId;
        return new BotAppFactory(_data, settings, _issuer.TrustedBy);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
        await _channel.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<HttpResponseMessage> Post(string? authorization, Activity? activity = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(activity ?? BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?"), options: BotJson.Options),
        };
        if (authorization != null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await _app.CreateClient().SendAsync(request);
    }

    private async Task AssertRefused(string? authorization, Activity? activity = null)
    {
        var response = await Post(authorization, activity);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_answered()
    {
        var response = await Post("Bearer " + _issuer.CreateToken(AppId, _channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _channel.WaitForCallsAsync(2);
        Assert.Contains("Khalid Koser", calls[1].Activity!.Attachments![0].Content!.ToString());
        // Replies carry the bot's MSAL client-credentials token for the Bot Framework scope.
        Assert.All(calls, c => Assert.Equal("Bearer " + TestTokenIssuer.OutgoingAccessToken, c.Authorization));
        var (tenant, form) = Assert.Single(_issuer.TokenRequests); // cached by MSAL for the second call
        Assert.Equal("botframework.com", tenant);
        Assert.Equal(("client_credentials", AppId, "test-secret", "https://api.botframework.com/.default"),
            (form["grant_type"], form["client_id"], form["client_secret"], form["scope"]));
    }

    [Fact]
    public async Task The_serviceUrl_comparison_ignores_case()
    {
        var response = await Post("Bearer " + _issuer.CreateToken(AppId, _channel.ServiceUrl.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task No_header_is_401() => AssertRefused(null);

    [Fact]
    public Task A_non_bearer_header_is_401() => AssertRefused("Basic dXNlcjpwYXNz");

    [Fact]
    public Task A_garbage_token_is_401() => AssertRefused("Bearer not.a.jwt");

    [Fact]
    public Task A_token_signed_with_an_unpublished_key_is_401() => AssertRefused("Bearer " + _issuer.CreateToken(AppId, _channel.ServiceUrl, forged: true));

    [Fact]
    public Task An_expired_token_is_401() => AssertRefused("Bearer " + _issuer.CreateToken(AppId, _channel.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6)));

    [Fact]
    public Task A_token_for_another_bot_is_401() => AssertRefused("Bearer " + _issuer.CreateToken(Guid.NewGuid().ToString(), _channel.ServiceUrl));

    [Fact]
    public Task A_token_for_another_serviceUrl_is_401() => AssertRefused("Bearer " + _issuer.CreateToken(AppId, "https://evil.example.com/"));

    [Fact]
    public Task A_token_from_another_issuer_is_401() => AssertRefused("Bearer " + _issuer.CreateToken(AppId, _channel.ServiceUrl, issuer: "https://api.botframework.evil"));

    [Fact]
    public Task A_key_not_endorsed_for_the_channel_is_401()
    {
        var activity = BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?", channelId: "slack");
        return AssertRefused("Bearer " + _issuer.CreateToken(AppId, _channel.ServiceUrl), activity);
    }

    [Fact]
    public Task An_unsigned_alg_none_token_is_401()
    {
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var token = $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{B64($"{{\"iss\":\"{TestTokenIssuer.ChannelIssuer}\",\"aud\":\"{AppId}\",\"exp\":{exp},\"serviceurl\":\"{_channel.ServiceUrl}\"}}")}.";
        return AssertRefused("Bearer " + token);
    }

    [Fact]
    public async Task An_emulator_token_is_checked_by_its_appid_claim()
    {
        // The Emulator asks Entra for a token for the bot's own app id: aud = appid = the bot.
        Assert.Equal(HttpStatusCode.OK, (await Post("Bearer " + _issuer.CreateEntraToken(AppId, AppId))).StatusCode);

        await AssertRefused("Bearer " + _issuer.CreateEntraToken("https://api.botframework.com", Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task A_bot_in_AllowedCallers_calling_as_a_skill_is_answered_with_a_token_for_that_bot()
    {
        var response = await Post("Bearer " + _issuer.CreateEntraToken(AppId, RootBotId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _channel.WaitForCallsAsync(2);
        Assert.Contains("Khalid Koser", calls[1].Activity!.Attachments![0].Content!.ToString());
        // SDK skills: the reply's token is for the calling bot (aud = its app id), issued to us (appid = ours).
        var token = new JsonWebToken(calls[1].Authorization!["Bearer ".Length..]);
        Assert.Equal((RootBotId, AppId), (token.Audiences.Single(), token.GetClaim("appid").Value));
        Assert.Equal(RootBotId + "/.default", _issuer.TokenRequests.Single().Form["scope"]);
    }

    [Fact]
    public Task A_bot_not_in_AllowedCallers_is_401() => AssertRefused("Bearer " + _issuer.CreateEntraToken(AppId, Guid.NewGuid().ToString()));

    [Fact]
    public Task A_bot_to_bot_token_for_another_bot_is_401() => AssertRefused("Bearer " + _issuer.CreateEntraToken(Guid.NewGuid().ToString(), RootBotId));

    [Fact]
    public Task An_expired_bot_to_bot_token_is_401() => AssertRefused("Bearer " + _issuer.CreateEntraToken(AppId, RootBotId, expires: DateTime.UtcNow.AddMinutes(-6)));

    [Fact]
    public async Task A_calling_bot_cannot_redirect_the_token_of_a_channel_serviceUrl()
    {
        Assert.Equal(HttpStatusCode.OK, (await Post("Bearer " + _issuer.CreateToken(AppId, _channel.ServiceUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post("Bearer " + _issuer.CreateEntraToken(AppId, RootBotId))).StatusCode);

        var tokens = _app.Services.GetRequiredService<BotTokenProvider>();
        Assert.Equal("https://api.botframework.com", await tokens.GetAudienceAsync(_channel.ServiceUrl));
    }

    [Fact]
    public async Task A_serviceUrl_vouched_for_before_a_restart_still_gets_the_token_for_proactive_messages()
    {
        var first = BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?");
        Assert.Equal(HttpStatusCode.OK, (await Post("Bearer " + _issuer.CreateToken(AppId, _channel.ServiceUrl), first)).StatusCode);
        await _channel.WaitForCallsAsync(2);
        await _app.DisposeAsync();

        _app = CreateApp();
        var adapter = _app.Services.GetRequiredService<DelegateBot.BotFramework.Builder.CloudAdapter>();
        await adapter.ContinueConversationAsync(first.GetConversationReference(),
            (turn, ct) => turn.SendActivityAsync("The session starts in 30 minutes.", ct));

        var push = (await _channel.WaitForCallsAsync(3))[2];
        Assert.Equal("The session starts in 30 minutes.", push.Activity!.Text);
        Assert.Equal("Bearer " + TestTokenIssuer.OutgoingAccessToken, push.Authorization);
    }

    [Fact]
    public async Task The_bot_token_is_not_sent_to_a_serviceUrl_no_valid_token_vouched_for()
    {
        var tokens = _app.Services.GetRequiredService<BotTokenProvider>();
        Assert.Null(await tokens.GetTokenAsync("https://evil.example.com/", CancellationToken.None));
        Assert.Empty(_issuer.TokenRequests);
    }

    [Theory]
    [InlineData("MultiTenant", null, "https://login.microsoftonline.com/botframework.com")]
    [InlineData("SingleTenant", "0f9e8d7c-0000-4000-8000-123456789abc", "https://login.microsoftonline.com/0f9e8d7c-0000-4000-8000-123456789abc")]
    public void The_authority_follows_the_app_type(string type, string? tenant, string expected)
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = type, MicrosoftAppId = AppId, MicrosoftAppPassword = "s", MicrosoftAppTenantId = tenant };
        Assert.Empty(options.Validate());
        Assert.Equal(expected, options.EffectiveAuthority);
    }

    [Fact]
    public void Single_tenant_without_a_tenant_is_reported_clearly()
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = "SingleTenant", MicrosoftAppId = AppId, MicrosoftAppPassword = "s" };
        Assert.Contains("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId (the Entra tenant of the app).", options.Validate());
    }

    [Fact]
    public void A_password_without_app_id_is_reported_clearly()
    {
        using var app = new BotAppFactory(_data, new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "x" });
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("MicrosoftAppPassword is set but MicrosoftAppId is empty", ex.ToString());
    }
}
