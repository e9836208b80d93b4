using System.Text.Json;
using DelegateBot.Core.Registrations;
using DelegateBot.Reminders.Scheduling;
using DelegateBot.Tests.Bot;
using static DelegateBot.Tests.Reminders.Scheduling.SchedulingHarness;

namespace DelegateBot.Tests.Reminders.Broadcasts;

/// <summary>Organisers broadcast from chat through the real host; the messages reach a Connector v3 channel on loopback.</summary>
public sealed class OrganiserBroadcastChatTests : IAsyncLifetime
{
    private const string Organiser = "29:organiser-jane";
    private ChatHost _host = null!;
    private ChatClient _chat = null!;
    private TestChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _host = await ChatHost.StartAsync(new Dictionary<string, string?> { ["Organisers:0"] = Organiser });
        (_chat, _channel) = (_host.Chat, _host.Channel);
        foreach (var delegateId in new[] { "29:amina", "29:bruno", "29:chen" }) await _chat.SayAsync(delegateId, "hello");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_organiser_confirms_a_broadcast_every_subscriber_gets_it_and_the_delivery_report_says_so()
    {
        var question = Assert.Single(await _chat.SendAsync(ChatClient.Message(Organiser, "broadcast: Panel two starts in 10 minutes in Conference Room 4")));
        Assert.StartsWith("This will go to 4 conversation(s) (everyone) now. Send it?", question.Summary);
        Assert.Contains("Yes, send it", question.Attachments![0].Content!.ToString());
        Assert.Empty(_channel.Calls);

        var sent = await _chat.SayAsync(Organiser, "yes");
        Assert.Matches("^Sent: broadcast B-[2-9A-Z]{6} is on its way to 4 conversation\\(s\\)\\. Say \"delivery report\" to follow it\\.$", sent);
        var calls = await _channel.WaitForCallsAsync(4);
        Assert.All(calls, c => Assert.Equal("Panel two starts in 10 minutes in Conference Room 4", c.Activity!.Text));
        Assert.Equal(4, calls.Select(c => c.RawPath).Distinct().Count());

        var report = "";
        for (var i = 0; i < 100 && !report.Contains("(complete"); i++, await Task.Delay(50)) report = await _chat.SayAsync(Organiser, "delivery report");
        Assert.Contains("To everyone, 4 conversation(s), requested by 29:organiser-jane", report);
        Assert.Contains("Sent 4, pending 0, failed 0 (complete", report);
        Assert.Contains(sent.Split(' ')[2], await _chat.SayAsync(Organiser, "list broadcasts"));
    }

    [Fact]
    public async Task Delegates_cannot_broadcast_or_read_reports()
    {
        Assert.Contains("only the conference organisers can send broadcasts", await _chat.SayAsync("29:amina", "broadcast: free drinks in the lobby"));
        Assert.Contains("only the conference organisers", await _chat.SayAsync("29:amina", "delivery report"));
        Assert.Contains("seuls les organisateurs", await _chat.SayAsync("29:amina", "diffuser : boissons gratuites"));
        await Task.Delay(200);
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task A_targeted_broadcast_at_a_time_is_scheduled_after_the_yes_and_no_sends_nothing()
    {
        await _host.Get<RegistrationStore>().SaveAsync(new RegistrationRequest(DebateId,
            new RegistrantIdentity("msteams", "29:bruno"), "Bruno", new Dictionary<string, RegistrationAnswer>(), "en-GB"));

        var ask = await _chat.SayAsync(Organiser, "broadcast to registrants of the informal thematic debate in 10 minutes: The debate moves to the Trusteeship Council");
        Assert.Contains("to the registrants of Informal Thematic Debate on International Migration and Development (1 conversation(s) today", ask);
        Assert.Contains("(America/New_York)", ask);
        Assert.Contains("Schedule it?", ask);
        var scheduled = await _chat.SayAsync(Organiser, "yes");
        Assert.StartsWith("Scheduled for ", scheduled);
        var key = scheduled.Split("(key ")[1].Split(')')[0];
        var waiting = Assert.Single(await _host.Get<IBroadcastScheduler>().ListAsync());
        Assert.Equal((key, DelegateBot.Reminders.AudienceKind.MeetingRegistrants), (waiting.Key, waiting.Audience.Kind));

        Assert.Contains("Several match", await _chat.SayAsync(Organiser, "broadcast to session subscribers: x"));
        Assert.Contains("No meeting on the agenda matches \"the moon landing\"", await _chat.SayAsync(Organiser, "broadcast to registrants of the moon landing: x"));
        Assert.Contains("has already passed", await _chat.SayAsync(Organiser, "broadcast at 2001-01-01T10:00Z: too late"));
        Assert.Contains("This will go to 4", await _chat.SayAsync(Organiser, "broadcast: never mind"));
        // A new command is a new question, even when its text says OK; a delegate's "yes" answers nothing.
        Assert.Contains("This will go to 4", await _chat.SayAsync(Organiser, "broadcast: OK everyone, lunch is ready"));
        Assert.DoesNotContain("Sent", await _chat.SayAsync("29:amina", "yes", conversation: $"conv-{Organiser}"));
        Assert.Equal("OK, nothing was sent.", await _chat.SayAsync(Organiser, "no"));
        await Task.Delay(200);
        Assert.Empty(_channel.Calls);
    }

    [Fact]
    public async Task The_yes_button_sends_once_and_a_second_click_finds_nothing_waiting()
    {
        var question = Assert.Single(await _chat.SendAsync(ChatClient.Message(Organiser, "broadcast: Coffee break until 11:15")));
        using var card = JsonDocument.Parse(question.Attachments![0].Content!.ToString()!);
        var yes = card.RootElement.GetProperty("actions")[0].GetProperty("data");
        Assert.Equal("confirm", yes.GetProperty("broadcast").GetString());

        Assert.StartsWith("Sent: broadcast", await _chat.SayAsync(Organiser, null, yes));
        Assert.StartsWith("Nothing is waiting for your confirmation", await _chat.SayAsync(Organiser, null, yes));
        await _channel.WaitForCallsAsync(4);
        await Task.Delay(300);
        Assert.Equal(4, _channel.Calls.Count);
    }
}
