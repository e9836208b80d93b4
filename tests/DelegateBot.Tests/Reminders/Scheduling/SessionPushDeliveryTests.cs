using DelegateBot.Core.Registrations;
using DelegateBot.Reminders.Delivery;
using DelegateBot.Reminders.Scheduling;
using DelegateBot.Reminders.Subscriptions;
using DelegateBot.Tests.Bot;
using DelegateBot.Tests.Reminders.Delivery;
using Microsoft.Extensions.DependencyInjection;
using static DelegateBot.Tests.Reminders.Scheduling.SchedulingHarness;

namespace DelegateBot.Tests.Reminders.Scheduling;

/// <summary>Pushes fired by Quartz on the fake clock, delivered by the real engine to a channel on loopback.</summary>
public sealed class SessionPushDeliveryTests
{
    [Fact]
    public async Task Each_push_reaches_the_sessions_subscribers_once_at_its_moment_also_across_a_restart()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var h = await StartAsync(Utc("2011-05-19T13:00:00Z"), realDelivery: true);
        var subscriptions = h.Services.GetRequiredService<SubscriptionStore>();
        foreach (var name in new[] { "all", "mine-registered", "mine-unregistered", "muted", "stopped" })
        {
            var reference = DeliveryHarness.Reference(channel.ServiceUrl, $"conv-{name}", $"user-{name}");
            await subscriptions.RecordAsync(reference, new RegistrantIdentity("msteams", $"user-{name}").UserKey, isGroup: false, vouched: false);
        }
        await subscriptions.SetModeAsync("msteams|conv-mine-registered", SubscriptionMode.MySessions);
        await subscriptions.SetModeAsync("msteams|conv-mine-unregistered", SubscriptionMode.MySessions);
        await subscriptions.SetMutedAsync("msteams|conv-muted", DebateId, true);
        await subscriptions.SetStoppedAsync("msteams|conv-stopped", true);
        await h.Services.GetRequiredService<RegistrationStore>().SaveAsync(new RegistrationRequest(DebateId,
            new RegistrantIdentity("msteams", "user-mine-registered"), "Registered Delegate", new Dictionary<string, RegistrationAnswer>(), "en-GB"));

        h.AdvanceTo(Utc("2011-05-19T13:30:00Z"));
        await channel.WaitForCallsAsync(2);
        h.AdvanceTo(Utc("2011-05-19T13:49:59Z"));
        await Task.Delay(200);
        Assert.Equal(2, channel.Calls.Count);
        h.AdvanceTo(Utc("2011-05-19T13:50:00Z"));
        await channel.WaitForCallsAsync(4);

        // A restart after panel one's push: it is neither lost nor sent again; panel two's still comes at 18:30.
        await h.RestartAsync(Utc("2011-05-19T13:55:00Z"));
        h.AdvanceTo(Utc("2011-05-19T18:29:00Z"));
        await Task.Delay(200);
        Assert.Equal(4, channel.Calls.Count);
        h.AdvanceTo(Utc("2011-05-19T18:30:00Z"));
        await channel.WaitForCallsAsync(6);
        await Task.Delay(200);

        var received = channel.Calls.GroupBy(c => c.RawPath.Split('/')[3]).ToDictionary(g => g.Key, g => g.Select(c => c.Activity!.Summary!.Split('\n')[0]).ToList());
        Assert.Equal(["conv-all", "conv-mine-registered"], received.Keys.Order());
        var expected = new[]
        {
            "Starting soon: Opening remarks (Informal Thematic Debate on International Migration and Development)",
            "Starting soon: Panel one: The Contribution of migrants to development (Informal Thematic Debate on International Migration and Development)",
            "Starting soon: Panel two: Improving international cooperation on migration and development (Informal Thematic Debate on International Migration and Development)",
        };
        Assert.All(received.Values, cards => Assert.Equal(expected, cards));
        var card = channel.Calls[^1].Activity!.Attachments!.Single();
        Assert.Contains("Mute this meeting", card.Content!.ToString());

        var report = (await h.Services.GetRequiredService<DeliveryReports>().GetAsync(SessionPushPlanner.PushKey(DebateId, "panel-two", Utc("2011-05-19T19:00:00Z"))))!;
        Assert.Equal((2, 2, 0, "scheduler"), (report.Broadcast.Recipients, report.Sent, report.Failed, report.Broadcast.RequestedBy));
    }
}
