using System.Net;
using System.Net.Http.Json;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Tests.Bot;

namespace DelegateBot.Tests.Registration;

/// <summary>
/// A registration with the bot's app id configured, as in Teams: each message carries a channel token signed by the
/// loopback token issuer, replies carry the bot's own token, and a message without a token is refused.
/// </summary>
public sealed class RegistrationChannelTokenTests : IAsyncLifetime
{
    private const string AppId = "6a1c3f1e-7d2b-4c55-9e8a-1f0b2c3d4e5f";
    private TestTokenIssuer _issuer = null!;
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _bot = await RegistrationBot.StartAsync(settings: _issuer.BotSettings(AppId), services: _issuer.TrustedBy);
        _bot.Authorization = activity => "Bearer " + _issuer.CreateToken(AppId, activity.ServiceUrl!);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_registration_goes_through_with_channel_tokens_and_replies_carry_the_bots_token()
    {
        var amina = new Person("amina");
        await _bot.PlayAsync(amina, NominationForm.UpToTheSummary, """
            user: confirm
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships. Your confirmation number is R-
            """);

        Assert.All(_bot.Channel.Calls, c => Assert.Equal("Bearer " + TestTokenIssuer.OutgoingAccessToken, c.Authorization));
        Assert.Single(await _bot.Store.ListAsync());

        var unsigned = await _bot.Client.PostAsJsonAsync("/api/messages", _bot.Message(amina, "am I registered?"), BotJson.Options);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }
}
