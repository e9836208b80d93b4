using System.Text.Json.Nodes;
using DelegateBot.Core.Agenda;
using DelegateBot.Reminders.Scheduling;
using DelegateBot.Tests.Bot;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DelegateBot.Tests.Reminders.Scheduling.SchedulingHarness;

namespace DelegateBot.Tests.Reminders.Scheduling;

/// <summary>The planning rules and the card, over the seed documents' agenda.</summary>
public sealed class SessionPushPlannerTests
{
    private static readonly AgendaService Agenda = new(
        Options.Create(new AgendaOptions { KnowledgePath = BotAppFactory.RepoKnowledgeFolder, WatchOverrides = false }),
        new FakeTimeProvider(Utc("2011-05-19T13:00:00Z")));

    private static Meeting Debate => Agenda.Current.FindMeeting(DebateId)!;

    [Fact]
    public void Sessions_already_begun_are_not_planned_and_one_inside_its_lead_window_is_pushed_at_once()
    {
        var plan = SessionPushPlanner.ForAgenda(Agenda.Current, Utc("2011-05-19T14:10:00Z"), TimeSpan.FromMinutes(30));
        Assert.DoesNotContain(plan, p => p.SessionId == "opening-remarks");
        var panelOne = plan.First();
        Assert.Equal("panel-one", panelOne.SessionId);
        Assert.Equal(Utc("2011-05-19T13:50:00Z"), panelOne.FireAtUtc); // past: the trigger starts at "now"
        Assert.All(plan, p => Assert.False(p.IsRehearsal));
        Assert.Empty(SessionPushPlanner.ForAgenda(Agenda.Current, Utc("2026-01-01T00:00:00Z"), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Keys_depend_on_meeting_session_and_start_only_so_planning_twice_gives_the_same_keys()
    {
        var a = SessionPushPlanner.ForAgenda(Agenda.Current, Utc("2011-05-19T09:00:00Z"), TimeSpan.FromMinutes(30)).Select(p => p.Key);
        var b = SessionPushPlanner.ForAgenda(Agenda.Current, Utc("2011-05-19T13:00:00Z"), TimeSpan.FromMinutes(10)).Select(p => p.Key);
        Assert.Equal(a, b);
        Assert.Contains("push:" + DebateId + ":panel-one:2011-05-19T14:20:00.0000000+00:00", a);
    }

    [Fact]
    public void The_card_has_title_time_room_chair_key_questions_and_the_two_buttons()
    {
        var panelOne = Debate.Sessions.Single(s => s.Id == "panel-one");
        var activity = PushCard.Build(Debate, panelOne, Utc("2011-05-19T14:20:00Z"), rehearsal: false);
        var card = (JsonObject)activity.Attachments!.Single().Content!;
        Assert.Equal("1.4", (string?)card["version"]);
        var json = card.ToJsonString();
        Assert.Contains("Panel one: The Contribution of migrants to development", json);
        var when = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray().Single(f => (string?)f!["title"] == "When")!;
        Assert.Equal("Thursday 19 May 2011, 10:20–13:00 (America/New_York)", (string?)when["value"]);
        Assert.Contains("Conference Room 4", json);
        Assert.Contains("William Swing", json);
        Assert.Equal(3, panelOne.KeyQuestions.Count);
        Assert.All(panelOne.KeyQuestions, q => Assert.Contains(q, activity.Summary));

        var actions = card["actions"]!.AsArray();
        Assert.Equal("Panelists", (string?)actions[0]!["title"]);
        Assert.Equal(PushCard.PanelistsQuestion(panelOne), (string?)actions[0]!["data"]!["msteams"]!["value"]);
        Assert.Equal("mute", (string?)actions[1]!["data"]!["reminders"]);
        Assert.Equal(DebateId, (string?)actions[1]!["data"]!["meetingId"]);
        Assert.Equal(card["fallbackText"]!.GetValue<string>(), activity.Summary);
    }

    [Fact]
    public void The_agenda_answers_the_panelists_button_of_every_session_that_shows_it()
    {
        foreach (var session in Debate.Sessions.Where(s => s.Panelists.Count + s.Speakers.Count > 0))
        {
            var answer = Agenda.TryAnswer(PushCard.PanelistsQuestion(session), Utc("2011-05-19T13:00:00Z"));
            Assert.NotNull(answer);
            Assert.All(session.Panelists.Concat(session.Speakers), p => Assert.Contains(p.Name, answer!.Text));
        }
        var closing = Debate.Sessions.Single(s => s.Id.StartsWith("closing-remarks", StringComparison.Ordinal));
        var card = (JsonObject)PushCard.Build(Debate, closing, Utc("2011-05-19T21:50:00Z"), false).Attachments![0].Content!;
        Assert.DoesNotContain("Panelists", card["actions"]!.ToJsonString());
    }

    [Theory]
    [InlineData("2030-01-10T15:00:00Z", "2030-01-10T15:00:00Z")]
    [InlineData("2030-01-10T10:00-05:00", "2030-01-10T15:00:00Z")]
    [InlineData("+40m", "2026-11-23T10:40:00Z")]
    [InlineData("+2h", "2026-11-23T12:00:00Z")]
    public void Rehearsal_times_are_absolute_with_an_offset_or_relative_to_now(string text, string expected)
    {
        Assert.True(RehearseCommand.TryParseTime(text, Utc("2026-11-23T10:00:00Z"), out var at));
        Assert.Equal(Utc(expected), at);
    }

    [Theory]
    [InlineData("2030-01-10T15:00")] // no offset: ambiguous
    [InlineData("tomorrow")]
    [InlineData("+40x")]
    public void Rehearsal_times_without_an_offset_or_unit_are_refused(string text) =>
        Assert.False(RehearseCommand.TryParseTime(text, Utc("2026-11-23T10:00:00Z"), out _));
}
