using DelegateBot.BotFramework.Schema;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using static DelegateBot.Tests.Reminders.Scheduling.SchedulingHarness;

namespace DelegateBot.Tests.Reminders.Scheduling;

public sealed class RehearsalAndBroadcastSchedulingTests
{
    [Fact]
    public async Task A_rehearsal_fires_the_meetings_pushes_shifted_under_rehearsal_keys_and_can_be_cancelled()
    {
        // Today the 2011 debate is in the past: no real pushes are planned.
        await using var h = await StartAsync(Utc("2026-11-23T10:00:00Z"));
        Assert.Empty(await h.Schedule.ListAsync());
        var rehearsals = h.Services.GetRequiredService<RehearsalScheduler>();

        var plan = await rehearsals.ScheduleAsync(DebateId, Utc("2026-11-23T12:00:00Z"));
        Assert.Equal(5, plan.Pushes.Count);
        var opening = plan.Pushes[0];
        Assert.Equal("rehearsal:" + DebateId + ":opening-remarks:2026-11-23T12:00:00.0000000+00:00", opening.Key);
        Assert.Equal(Utc("2026-11-23T11:30:00Z"), opening.FireAtUtc);
        var panelOne = plan.Pushes.Single(p => p.SessionId == "panel-one");
        Assert.Equal(Utc("2026-11-23T11:50:00Z"), panelOne.FireAtUtc);

        h.AdvanceTo(Utc("2026-11-23T11:30:00Z"));
        var first = await h.Broadcasts.WaitForAsync(opening.Key);
        Assert.Equal(Utc("2026-11-23T11:30:00Z"), first.At);
        // The card shows the shifted time in the meeting's zone (07:00 EST) and says it is a rehearsal.
        Assert.StartsWith("Rehearsal, starting soon: Opening remarks", first.Request.Message.Summary);
        Assert.Contains("Monday 23 November 2026, 07:00–07:20 (America/New_York)", first.Request.Message.Summary);

        h.AdvanceTo(Utc("2026-11-23T11:50:00Z"));
        await h.Broadcasts.WaitForAsync(panelOne.Key);
        await EventuallyAsync(async () => (await h.Schedule.ListAsync()).Count == 3, "the two fired rehearsal pushes leave the schedule");

        Assert.Equal(3, await rehearsals.CancelAsync(DebateId));
        Assert.Empty(await h.Schedule.ListAsync());
        Assert.All(h.Broadcasts.Calls, c => Assert.StartsWith("rehearsal:", c.Request.Key));
    }

    [Fact]
    public async Task A_rehearsal_of_an_unknown_meeting_or_in_the_past_is_refused_with_a_reason()
    {
        await using var h = await StartAsync(Utc("2026-11-23T10:00:00Z"));
        var rehearsals = h.Services.GetRequiredService<RehearsalScheduler>();
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => rehearsals.ScheduleAsync("no-such-meeting", Utc("2026-11-24T10:00:00Z")));
        Assert.Contains("No meeting 'no-such-meeting'", unknown.Message);
        var past = await Assert.ThrowsAsync<ArgumentException>(() => rehearsals.ScheduleAsync(DebateId, Utc("2026-11-23T09:00:00Z")));
        Assert.Contains("not in the future", past.Message);
        Assert.Empty(await h.Schedule.ListAsync());
    }

    [Fact]
    public async Task A_scheduled_broadcast_fires_once_at_its_time_and_survives_a_restart()
    {
        await using var h = await StartAsync(Utc("2026-11-23T10:00:00Z"));
        var scheduler = h.Services.GetRequiredService<IBroadcastScheduler>();
        var request = new BroadcastRequest("broadcast:panel-two-reminder", Activity.CreateMessageActivity("Panel two starts in 10 minutes in Conference Room 4"),
            new Audience(AudienceKind.MeetingRegistrants, DebateId), "organiser-1");

        var scheduled = await scheduler.ScheduleAsync(request, Utc("2026-11-23T14:50:00Z"));
        Assert.False(scheduled.AlreadyScheduled);
        Assert.True((await scheduler.ScheduleAsync(request, Utc("2026-11-23T15:00:00Z"))).AlreadyScheduled);
        var other = await scheduler.ScheduleAsync(request with { Key = "broadcast:cancelled" }, Utc("2026-11-23T14:00:00Z"));
        Assert.True(await scheduler.CancelAsync(other.Key));
        Assert.False(await scheduler.CancelAsync(other.Key));

        await h.RestartAsync(Utc("2026-11-23T12:00:00Z"));
        scheduler = h.Services.GetRequiredService<IBroadcastScheduler>();
        var waiting = Assert.Single(await scheduler.ListAsync());
        Assert.Equal((request.Key, Utc("2026-11-23T14:50:00Z"), request.Audience), (waiting.Key, waiting.At, waiting.Audience));

        h.AdvanceTo(Utc("2026-11-23T14:50:00Z"));
        var sent = await h.Broadcasts.WaitForAsync(request.Key);
        Assert.Equal(Utc("2026-11-23T14:50:00Z"), sent.At);
        Assert.Equal("Panel two starts in 10 minutes in Conference Room 4", sent.Request.Message.Text);
        Assert.Equal(request.Audience, sent.Request.Audience);
        Assert.Equal("organiser-1", sent.Request.RequestedBy);

        h.AdvanceTo(Utc("2026-11-23T16:00:00Z"));
        await EventuallyAsync(async () => (await scheduler.ListAsync()).Count == 0, "the sent broadcast leaves the schedule");
        Assert.Equal(1, h.Broadcasts.CountOf(request.Key));
        Assert.Equal(0, h.Broadcasts.CountOf("broadcast:cancelled"));
    }
}
