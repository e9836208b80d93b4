namespace DelegateBot.Core.Tests.Agenda;

/// <summary>Agenda questions answered against a fake clock in the meeting's time zone.</summary>
public class AgendaQuestionTests
{
    [Fact]
    public void Whats_on_at_3pm_on_19_May_is_panel_two_with_its_chair_and_citation()
    {
        using var f = new AgendaServiceFixture();
        var answer = f.Service.TryAnswer("What's on at 3pm on 19 May?")!;
        Assert.True(answer.Found);
        Assert.StartsWith("At 15:00 on Thursday 19 May 2011: Panel two: Improving international cooperation", answer.Text);
        Assert.Contains("15:00–17:40 (America/New_York)", answer.Text);
        Assert.Contains("Conference Room 4", answer.Text);
        Assert.Contains("chair: Dr. Khalid Koser", answer.Text);
        Assert.Contains("Key questions:", answer.Text);
        Assert.Contains(answer.Citations, c => c.Source == "ga-thematic-debate-migration-development-2011.txt" && c.Excerpt.StartsWith("15:00 – 17:40"));
    }

    [Fact]
    public void Whats_on_in_the_lunch_gap_says_nothing_and_names_both_neighbours()
    {
        using var f = new AgendaServiceFixture();
        var answer = f.Service.TryAnswer("what is happening at 14:00 on 19 May 2011")!;
        Assert.Contains("Nothing is scheduled at 14:00 on Thursday 19 May 2011.", answer.Text);
        Assert.Contains("Before: Panel one", answer.Text);
        Assert.Contains("Next: Panel two", answer.Text);
    }

    [Fact]
    public void Whats_on_during_the_seminar_hours_uses_the_meeting_hours_and_room()
    {
        using var f = new AgendaServiceFixture();
        var answer = f.Service.TryAnswer("What's on at 10:30 on 7 March 2007?")!;
        Assert.Contains("Migration and Development Series Seminar on Building Partnerships is in session (09:15–13:00)", answer.Text);
        Assert.Contains("Conference Room 9", answer.Text);
    }

    [Fact]
    public void Whats_on_a_day_of_a_meeting_without_hours_names_the_meeting()
    {
        using var f = new AgendaServiceFixture();
        var answer = f.Service.TryAnswer("What is on on 30 October 2008?")!;
        Assert.Equal("On the agenda on Thursday 30 October 2008:\n- Global Forum on Migration and Development, second meeting (29–30 October 2008, Manila; hours not given)", answer.Text);
        Assert.False(f.Service.TryAnswer("what's on on 1 November 2008")!.Found);
    }

    [Fact]
    public void Whats_next_before_during_and_after_the_debate()
    {
        using var f = new AgendaServiceFixture();
        f.NewYork(2011, 5, 19, 9, 30);
        var before = f.Service.TryAnswer("What's next?")!;
        Assert.StartsWith("Next: Opening remarks, Thursday 19 May 2011, 10:00–10:20", before.Text);
        Assert.Contains("in 30 min", before.Text);
        Assert.Contains("H.E. Mr. Joseph Deiss", before.Text);

        f.NewYork(2011, 5, 19, 12, 0);
        var during = f.Service.TryAnswer("what's next")!;
        Assert.StartsWith("Now: Panel one: The Contribution of migrants to development, 10:20–13:00", during.Text);
        Assert.Contains("Next: Panel two: Improving international cooperation on migration and development, Thursday 19 May 2011, 15:00–17:40", during.Text);
        Assert.Contains("in 3 h 0 min", during.Text);

        f.NewYork(2011, 5, 19, 18, 30);
        var after = f.Service.TryAnswer("What's next?")!;
        Assert.StartsWith("Nothing on the agenda is still to come; the last session was Closing remarks", after.Text);
    }

    [Fact]
    public void Who_speaks_after_panel_one_is_panel_two_with_chair_and_panelists()
    {
        using var f = new AgendaServiceFixture();
        var answer = f.Service.TryAnswer("Who speaks after panel one?")!;
        Assert.StartsWith("After Panel one: Panel two: Improving international cooperation", answer.Text);
        Assert.Contains("chair: Dr. Khalid Koser", answer.Text);
        Assert.Contains("Ambassador Eduard Gnesa", answer.Text);
        Assert.Contains("Mr. Anthony Lake", answer.Text);
        var before = f.Service.TryAnswer("what comes before panel 2")!;
        Assert.StartsWith("Before Panel two: Panel one", before.Text);
    }

    [Fact]
    public void Deadlines_are_listed_with_their_status_on_the_clock()
    {
        using var f = new AgendaServiceFixture();
        f.NewYork(2007, 2, 20, 9);
        var answer = f.Service.TryAnswer("List the deadlines")!;
        Assert.Contains("- Friday 2 March 2007: Registration (Migration and Development Series Seminar on Building Partnerships) — 10 days left", answer.Text);
        Assert.Contains("- Wednesday 30 April 2008: Submission — 435 days left", answer.Text);
        Assert.Equal(2, answer.Citations.Count);

        f.NewYork(2011, 5, 19, 9);
        var later = f.Service.TryAnswer("what are the deadlines?")!;
        Assert.Contains("closed on 2 March 2007", later.Text);
        Assert.Contains("closed on 30 April 2008", later.Text);
    }

    [Fact]
    public void Days_left_to_register_are_counted_in_the_meeting_time_zone_and_a_past_deadline_is_closed()
    {
        using var f = new AgendaServiceFixture();
        f.NewYork(2007, 2, 20, 9);
        Assert.Equal("10 days left to register for Migration and Development Series Seminar on Building Partnerships: the deadline is Friday 2 March 2007.",
            f.Service.TryAnswer("How many days are left to register?")!.Text);

        // 22:00 in New York on 2 March is already 3 March in UTC: still the last day where the meeting is.
        f.Clock.SetUtcNow(new DateTimeOffset(2007, 3, 3, 3, 0, 0, TimeSpan.Zero));
        Assert.StartsWith("Today is the last day to register", f.Service.TryAnswer("how many days are left to register?")!.Text);

        f.NewYork(2007, 3, 5, 9);
        var closed = f.Service.TryAnswer("How many days are left to register?")!;
        Assert.True(closed.Found);
        Assert.Equal("Registration for Migration and Development Series Seminar on Building Partnerships is closed: the deadline was Friday 2 March 2007 (3 days ago).", closed.Text);
        Assert.Equal("unitar-seminar-building-partnerships-2007.txt", Assert.Single(closed.Citations).Source);
    }

    [Fact]
    public void Session_details_and_meeting_places_are_answered()
    {
        using var f = new AgendaServiceFixture();
        Assert.StartsWith("Mr. William Swing, Director General", f.Service.TryAnswer("Who chairs panel one?")!.Text);
        var questions = f.Service.TryAnswer("What are the key questions for panel two?")!.Text;
        Assert.Contains("\n4. Given the urgent need", questions);
        // A meeting's plain when/where is the document search's: it answers with the sentence it stands in.
        Assert.Null(f.Service.TryAnswer("When is the Global Forum in Manila?"));
        Assert.Null(f.Service.TryAnswer("What was the deadline for submitting the questionnaire?"));
        Assert.Contains("30 April 2008", f.Service.TryAnswer("List the deadlines")!.Text);
    }

    [Fact]
    public void Questions_that_are_not_about_the_agenda_fall_through()
    {
        using var f = new AgendaServiceFixture();
        Assert.Null(f.Service.TryAnswer("What did the Secretary-General say about remittances?"));
        Assert.Null(f.Service.TryAnswer("Who chairs the Global Migration Group?"));
        Assert.Null(f.Service.TryAnswer("What is IMDI?"));
        Assert.Null(f.Service.TryAnswer("Where is the UN Headquarters?"));
        Assert.Null(f.Service.TryAnswer("What is next year's priority for the Global Migration Group?"));
    }

    [Fact]
    public void A_rehearsal_replays_the_debate_from_a_chosen_moment()
    {
        using var f = new AgendaServiceFixture(now: new DateTimeOffset(2030, 1, 10, 8, 0, 0, TimeSpan.Zero));
        var debate = f.Service.Current.Meetings.Single(m => m.Title.StartsWith("Informal Thematic Debate"));
        f.Service.StartRehearsal(debate.Id, new DateTimeOffset(2030, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var answer = f.Service.TryAnswer("What's next?")!;
        Assert.StartsWith("(Rehearsal clock: it is Thursday 19 May 2011 09:00 in America/New_York.)", answer.Text);
        Assert.Contains("Next: Opening remarks", answer.Text);
        f.Clock.Advance(TimeSpan.FromMinutes(90)); // 10:30 on the rehearsal clock
        Assert.Contains("Now: Panel one", f.Service.TryAnswer("What's next?")!.Text);
        f.Service.StopRehearsal();
        Assert.StartsWith("Nothing on the agenda is still to come", f.Service.TryAnswer("What's next?")!.Text);
    }

    [Fact]
    public void A_rehearsal_can_be_configured()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 10, 14, 55, 0, TimeSpan.Zero));
        var options = new DelegateBot.Core.Agenda.AgendaOptions
        {
            KnowledgePath = AgendaTestData.KnowledgeFolder,
            RehearsalMeetingId = "informal-thematic-debate-on-international-migration-and-2011",
            RehearsalStart = new DateTimeOffset(2030, 1, 10, 15, 0, 0, TimeSpan.Zero),
        };
        var service = new DelegateBot.Core.Agenda.AgendaService(Microsoft.Extensions.Options.Options.Create(options), clock);
        Assert.True(service.IsRehearsal);
        Assert.Equal(new DateTimeOffset(2011, 5, 19, 9, 55, 0, TimeSpan.FromHours(-4)), service.Clock.GetUtcNow());
        Assert.Contains("Next: Opening remarks, Thursday 19 May 2011, 10:00–10:20 (America/New_York), Conference Room 4, North Lawn Building, UN Headquarters, New York, in 5 min.", service.TryAnswer("what's next?")!.Text);
    }

    [Fact]
    public void Invalid_settings_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DelegateBot.Core.Agenda.AgendaService(
            Microsoft.Extensions.Options.Options.Create(new DelegateBot.Core.Agenda.AgendaOptions { DefaultTimeZone = "Eastern" }), TimeProvider.System));
        Assert.Equal("Agenda:DefaultTimeZone 'Eastern' is not an IANA time zone (e.g. America/New_York).", error.Message);
    }
}
