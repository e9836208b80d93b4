using DelegateBot.BotFramework.Schema;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Delivery;
using DelegateBot.Reminders.Subscriptions;
using DelegateBot.Tests.Bot;

namespace DelegateBot.Tests.Reminders.Delivery;

/// <summary>With app credentials, proactive sends after a restart carry the bot's token, but only to serviceUrls a channel token vouched for.</summary>
public sealed class ProactiveTokenTests : IAsyncLifetime
{
    private const string AppId = "6a1c3f1e-7d2b-4c55-9e8a-1f0b2c3d4e5f";
    private TestChannel _unvouched = null!;
    private TestTokenIssuer _issuer = null!;

    public async Task InitializeAsync()
    {
        _unvouched = await TestChannel.StartAsync();
        _issuer = await TestTokenIssuer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _unvouched.DisposeAsync();
    }

    [Fact]
    public async Task After_a_restart_the_vouched_conversation_gets_the_token_and_an_unvouched_serviceUrl_gets_none()
    {
        await using var host = await ChatHost.StartAsync(_issuer.BotSettings(AppId), _issuer.TrustedBy);
        var replies = await host.Chat.SendAsync(ChatClient.Message("29:zoe", "my reminders"), "Bearer " + _issuer.CreateToken(AppId, host.Channel.ServiceUrl));
        Assert.Contains("reminder before every session", ChatClient.Shown(Assert.Single(replies)));
        var store = host.Get<SubscriptionStore>();
        Assert.True((await store.GetAsync("msteams|conv-29:zoe"))!.Vouched);
        // A reference that no authenticated request brought (say, written by hand or by an older version).
        await store.RecordAsync(DeliveryHarness.Reference(_unvouched.ServiceUrl, "conv-29:mallory", "29:mallory"), "msteams:29:mallory", false, vouched: false);

        // A new process: the in-memory list of trusted serviceUrls is empty again.
        await host.RestartAsync();
        var ticket = await host.Get<IBroadcasts>().EnqueueAsync(DeliveryHarness.Request("broadcast:after-restart", "The evening reception starts at 19:00"));
        Assert.Equal(2, ticket.Recipients);
        var vouched = Assert.Single(await host.Channel.WaitForCallsAsync(1));
        var other = Assert.Single(await _unvouched.WaitForCallsAsync(1));

        Assert.Equal("/v3/conversations/conv-29%3Azoe/activities", vouched.RawPath);
        Assert.Equal("Bearer " + TestTokenIssuer.OutgoingAccessToken, vouched.Authorization);
        Assert.Equal("", other.Authorization);
        Assert.Equal("The evening reception starts at 19:00", vouched.Activity!.Text);
    }
}
