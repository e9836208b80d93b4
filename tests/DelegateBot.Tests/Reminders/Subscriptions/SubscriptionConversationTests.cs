using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Registrations;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Subscriptions;
using static DelegateBot.Tests.Reminders.Scheduling.SchedulingHarness;

namespace DelegateBot.Tests.Reminders.Subscriptions;

/// <summary>Subscriptions through the real host's /api/messages: recorded on every turn, steered by the delegates' words and buttons.</summary>
public sealed class SubscriptionConversationTests : IAsyncLifetime
{
    private ChatHost _host = null!;
    private ChatClient _chat = null!;

    public async Task InitializeAsync()
    {
        _host = await ChatHost.StartAsync();
        _chat = _host.Chat;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SubscriptionStore Store => _host.Get<SubscriptionStore>();
    private IBroadcasts Broadcasts => _host.Get<IBroadcasts>();

    [Fact]
    public async Task Talking_or_installing_makes_a_subscriber_and_uninstalling_makes_it_inactive_until_it_talks_again()
    {
        var message = ChatClient.Message("29:alice", "Who chairs panel two?");
        message.From!.AadObjectId = "6B1C0A2E-0000-4000-8000-00000000A11C";
        await _chat.SendAsync(message);
        await _chat.SendAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate, From = new ChannelAccount { Id = "29:bob" }, Conversation = new ConversationAccount { Id = "conv-bob" },
            MembersAdded = [new ChannelAccount { Id = "29:bob" }, new ChannelAccount { Id = "28:delegatebot" }],
        });
        await _chat.SendAsync(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add", From = new ChannelAccount { Id = "29:carol" }, Conversation = new ConversationAccount { Id = "conv-carol" } });
        await _chat.SendAsync(ChatClient.Message("29:dan", "hello", group: true, conversation: "19:team-thread"));

        var alice = (await Store.GetAsync("msteams|conv-29:alice"))!;
        Assert.Equal((_host.Channel.ServiceUrl, "conv-29:alice", "aad:6b1c0a2e-0000-4000-8000-00000000a11c"), (alice.Reference.ServiceUrl, alice.Reference.Conversation!.Id, alice.UserKey));
        Assert.False(alice.Vouched); // anonymous local mode: nothing vouched for the serviceUrl
        Assert.Equal("msteams:29:bob", (await Store.GetAsync("msteams|conv-bob"))!.UserKey);
        var team = (await Store.GetAsync("msteams|19:team-thread"))!;
        Assert.True(team.IsGroup);
        Assert.Null(team.UserKey);
        Assert.Equal(4, await Broadcasts.CountRecipientsAsync(Audience.Everyone));

        await _chat.SendAsync(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "remove", From = new ChannelAccount { Id = "29:carol" }, Conversation = new ConversationAccount { Id = "conv-carol" } });
        Assert.Equal("the app was uninstalled", (await Store.GetAsync("msteams|conv-carol"))!.InactiveReason);
        Assert.Equal(3, await Broadcasts.CountRecipientsAsync(Audience.Everyone));

        await _chat.SayAsync("29:carol", "I'm back", conversation: "conv-carol");
        Assert.True((await Store.GetAsync("msteams|conv-carol"))!.IsActive);
    }

    [Fact]
    public async Task Stop_start_and_only_my_sessions_in_English_and_French()
    {
        Assert.Contains("Reminders are off", await _chat.SayAsync("eve", "Stop reminders please"));
        Assert.NotNull((await Store.GetAsync("msteams|conv-eve"))!.StoppedAt);
        Assert.Equal(0, await Broadcasts.CountRecipientsAsync(Audience.Everyone));

        Assert.StartsWith("Rappels activés. Vous recevrez un rappel avant chaque session.", await _chat.SayAsync("eve", "Reprendre les rappels"));
        Assert.Equal(1, await Broadcasts.CountRecipientsAsync(Audience.Everyone));

        var session = new Audience(AudienceKind.SessionSubscribers, DebateId, "panel-two");
        Assert.Contains("you have no registration yet", await _chat.SayAsync("eve", "only my sessions"));
        Assert.Equal(0, await Broadcasts.CountRecipientsAsync(session));
        await _host.Get<RegistrationStore>().SaveAsync(new RegistrationRequest(DebateId,
            new RegistrantIdentity("msteams", "eve"), "Eve Delegate", new Dictionary<string, RegistrationAnswer>(), "en-GB"));
        Assert.Contains("only for your meetings: Informal Thematic Debate on International Migration and Development", await _chat.SayAsync("eve", "my reminders"));
        Assert.Equal(1, await Broadcasts.CountRecipientsAsync(session));
        Assert.Equal(1, await Broadcasts.CountRecipientsAsync(new Audience(AudienceKind.MeetingRegistrants, DebateId)));

        Assert.Contains("reminder before every session", await _chat.SayAsync("eve", "all sessions"));
        Assert.Contains("works in a one-to-one chat", await _chat.SayAsync("frank", "only my sessions", group: true, conversation: "19:group"));
    }

    [Fact]
    public async Task The_cards_mute_button_mutes_the_meeting_and_its_unmute_button_undoes_it()
    {
        await _chat.SayAsync("grace", "hello");
        var session = new Audience(AudienceKind.SessionSubscribers, DebateId, "panel-two");
        Assert.Equal(1, await Broadcasts.CountRecipientsAsync(session));

        var muted = Assert.Single(await _chat.SendAsync(ChatClient.Message("grace", null, new { reminders = "mute", meetingId = DebateId })));
        Assert.StartsWith("Muted: no more session reminders for Informal Thematic Debate", muted.Summary);
        var unmuteButton = Assert.Single(muted.Attachments!).Content!.ToString()!;
        Assert.Contains("\"reminders\":\"unmute\"", unmuteButton.Replace(" ", ""));
        Assert.Equal(0, await Broadcasts.CountRecipientsAsync(session));
        Assert.Equal(1, await Broadcasts.CountRecipientsAsync(Audience.Everyone)); // organisers' broadcasts still reach it

        Assert.Contains("is unmuted", await _chat.SayAsync("grace", null, new { reminders = "unmute", meetingId = DebateId }));
        Assert.Equal(1, await Broadcasts.CountRecipientsAsync(session));
        Assert.Contains("Muted: no more session reminders for Migration and Development Series Seminar", await _chat.SayAsync("grace", "mute the building partnerships seminar"));
        Assert.Contains("I can't find a meeting called \"the moon landing\"", await _chat.SayAsync("grace", "mute the moon landing"));
        Assert.Contains("Sourdine activée pour Informal Thematic Debate", await _chat.SayAsync("grace", "mettre en sourdine informal thematic debate", locale: "fr-FR"));
    }
}
