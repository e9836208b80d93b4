using System.Text.Json.Nodes;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Scheduling;
using static DelegateBot.Tests.Reminders.Scheduling.SchedulingHarness;

namespace DelegateBot.Tests.Reminders.Scheduling;

/// <summary>Session pushes through real Quartz on a SQLite file, driven by the fake clock Quartz runs on.</summary>
public sealed class SessionPushSchedulingTests
{
    private static readonly string Opening = SessionPushPlanner.PushKey(DebateId, "opening-remarks", Utc("2011-05-19T14:00:00Z"));
    private static readonly string PanelOne = SessionPushPlanner.PushKey(DebateId, "panel-one", Utc("2011-05-19T14:20:00Z"));
    private static readonly string PanelTwo = SessionPushPlanner.PushKey(DebateId, "panel-two", Utc("2011-05-19T19:00:00Z"));

    [Fact]
    public async Task The_two_panels_of_19_May_2011_are_pushed_30_minutes_before_they_start_once_and_not_before()
    {
        await using var h = await StartAsync(Utc("2011-05-19T13:00:00Z"));

        var planned = await h.Schedule.ListAsync();
        Assert.Equal(Utc("2011-05-19T13:50:00Z"), planned.Single(i => i.Key == PanelOne).FireAtUtc);
        Assert.Equal(Utc("2011-05-19T18:30:00Z"), planned.Single(i => i.Key == PanelTwo).FireAtUtc);

        // One second before panel one's push: only the opening (13:30) has gone.
        h.AdvanceTo(Utc("2011-05-19T13:30:00Z"));
        await h.Broadcasts.WaitForAsync(Opening);
        h.AdvanceTo(Utc("2011-05-19T13:49:59Z"));
        Assert.Equal(0, h.Broadcasts.CountOf(PanelOne));

        h.AdvanceTo(Utc("2011-05-19T13:50:00Z"));
        var one = await h.Broadcasts.WaitForAsync(PanelOne);
        Assert.Equal(Utc("2011-05-19T13:50:00Z"), one.At);
        Assert.Equal(new Audience(AudienceKind.SessionSubscribers, DebateId, "panel-one"), one.Request.Audience);
        Assert.Equal("scheduler", one.Request.RequestedBy);

        h.AdvanceTo(Utc("2011-05-19T18:30:00Z"));
        var two = await h.Broadcasts.WaitForAsync(PanelTwo);
        Assert.Equal(Utc("2011-05-19T18:30:00Z"), two.At);
        var card = (JsonObject)two.Request.Message.Attachments!.Single().Content!;
        Assert.Contains("Panel two", card.ToJsonString());
        Assert.Contains("15:00–17:40 (America/New_York)", two.Request.Message.Summary);

        // Through the end of the day: the two later sessions fire too, and nothing fires twice or early.
        h.AdvanceTo(Utc("2011-05-19T21:10:00Z"));
        await h.Broadcasts.WaitForAsync(SessionPushPlanner.PushKey(DebateId, "summary-by-sir-peter-sutherland", Utc("2011-05-19T21:40:00Z")));
        h.AdvanceTo(Utc("2011-05-19T21:20:00Z"));
        await h.Broadcasts.WaitForAsync(SessionPushPlanner.PushKey(DebateId, "closing-remarks-by-the-president-of-the", Utc("2011-05-19T21:50:00Z")));
        h.AdvanceTo(Utc("2011-05-19T23:00:00Z"));
        var calls = h.Broadcasts.Calls;
        Assert.Equal(5, calls.Count);
        Assert.All(calls.GroupBy(c => c.Request.Key), g => Assert.Single(g));
        Assert.All(calls, c => Assert.Equal(c.At, StartOf(c.Request.Key) - TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task A_restart_on_the_same_store_neither_loses_nor_repeats_a_push()
    {
        await using var h = await StartAsync(Utc("2011-05-19T13:00:00Z"));
        h.AdvanceTo(Utc("2011-05-19T13:30:00Z"));
        await h.Broadcasts.WaitForAsync(Opening);

        // Down from 13:31 to 13:55: panel one's push (13:50) fell due while nothing ran; its session (14:20) has not begun.
        await h.RestartAsync(Utc("2011-05-19T13:55:00Z"));
        var late = await h.Broadcasts.WaitForAsync(PanelOne);
        Assert.Equal(Utc("2011-05-19T13:55:00Z"), late.At);

        // Another restart: re-planning finds both pushes already fired and plans them no more.
        await h.RestartAsync(Utc("2011-05-19T14:10:00Z"));
        h.AdvanceTo(Utc("2011-05-19T18:30:00Z"));
        await h.Broadcasts.WaitForAsync(PanelTwo);
        Assert.Equal(1, h.Broadcasts.CountOf(Opening));
        Assert.Equal(1, h.Broadcasts.CountOf(PanelOne));
        Assert.Equal(1, h.Broadcasts.CountOf(PanelTwo));
    }

    [Fact]
    public async Task A_push_whose_session_began_while_the_service_was_down_is_skipped()
    {
        await using var h = await StartAsync(Utc("2011-05-19T13:00:00Z"));
        // Down over the opening's push (13:30) and its start (14:00); panel one's push (13:50) is late but its session is at 14:20.
        await h.RestartAsync(Utc("2011-05-19T14:05:00Z"));
        await h.Broadcasts.WaitForAsync(PanelOne);
        h.AdvanceTo(Utc("2011-05-19T18:30:00Z"));
        await h.Broadcasts.WaitForAsync(PanelTwo);
        Assert.Equal(0, h.Broadcasts.CountOf(Opening));
        Assert.DoesNotContain(await h.Schedule.ListAsync(), i => i.Key == Opening);
    }

    [Fact]
    public async Task An_agenda_change_moves_a_trigger_and_removes_a_muted_session()
    {
        await using var h = await StartAsync(Utc("2011-05-19T13:00:00Z"), ownKnowledge: true);
        File.WriteAllText(Path.Combine(h.KnowledgeFolder, "agenda.yaml"), $"""
            meetings:
              - match: {DebateId}
                sessions:
                  - match: panel-one
                    start: "11:00"
                  - match: panel-two
                    pushes: false
            """);
        h.Agenda.ReloadOverrides(); // what the agenda.yaml watcher does on save; raises AgendaService.Changed
        await h.Pushes.WhenIdle();

        var moved = SessionPushPlanner.PushKey(DebateId, "panel-one", Utc("2011-05-19T15:00:00Z"));
        var planned = await h.Schedule.ListAsync();
        Assert.DoesNotContain(planned, i => i.Key == PanelOne);
        Assert.DoesNotContain(planned, i => i.Key == PanelTwo);
        Assert.Equal(Utc("2011-05-19T14:30:00Z"), planned.Single(i => i.Key == moved).FireAtUtc);

        h.AdvanceTo(Utc("2011-05-19T14:30:00Z"));
        var push = await h.Broadcasts.WaitForAsync(moved);
        Assert.Equal(Utc("2011-05-19T14:30:00Z"), push.At);
        Assert.Contains("11:00–13:00", push.Request.Message.Summary);
        Assert.Equal(0, h.Broadcasts.CountOf(PanelOne));
    }

    /// <summary>The session start at the end of a push key ("...:2011-05-19T14:00:00.0000000+00:00").</summary>
    private static DateTimeOffset StartOf(string key) => DateTimeOffset.Parse(key[^33..], System.Globalization.CultureInfo.InvariantCulture);
}
