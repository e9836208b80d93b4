using DelegateBot.Core.Agenda;
using DelegateBot.Core.Agenda.Extraction;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>A programme written differently from the seeds (a.m./p.m., "Chaired by", inline panellists, two days in Geneva).</summary>
public class GeneralProgrammeTests
{
    private const string Text = """
        Regional Consultation on Labour Migration

        The Regional Consultation on Labour Migration will be held at the Palais des Nations in Geneva on 3 and 4 June 2024.
        It is organized by the International Labour Organization.
        The consultation will be conducted in English and French.

        Registration deadline: 15 May 2024
        The deadline for submission of case studies is 1 May 2024.

        PROGRAMME

        Monday, 3 June 2024
        Room XX, Palais des Nations, Geneva

        9:30 a.m. - 10:00 a.m. Welcome and introduction
        10:00 a.m. - 12:30 p.m. Session 1: Fair recruitment
        Chaired by Ms. Jane Doe, Director, Labour Migration Branch
        Panellists: Mr. John Roe, Minister of Labour, Nepal; Dr. Amina Yusuf, Professor, University of Nairobi
        Guiding questions
        1) What makes recruitment fair?
        2) How can fees charged to workers be eliminated?
        12:30 p.m. - 2:00 p.m. Lunch
        2:00 p.m. - 5:00 p.m. Session 2: Skills partnerships

        Tuesday, 4 June 2024

        9:30 a.m. - 12:00 noon Session 3: Data and evidence
        12:00 noon - 12:30 p.m. Closing
        """;

    private static readonly DelegateBot.Core.Agenda.Agenda Agenda =
        new AgendaExtractor().Extract([new KnowledgeDocument("consultation.txt", "Regional Consultation on Labour Migration", Text)]);

    [Fact]
    public void Meeting_facts_come_from_prose_and_headers()
    {
        var m = Assert.Single(Agenda.Meetings);
        Assert.Equal("Regional Consultation on Labour Migration", m.Title);
        Assert.Equal((new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 4)), (m.StartDate!.Value, m.EndDate!.Value));
        Assert.Equal("Europe/Zurich", m.TimeZone);
        Assert.Equal("Room XX", m.Room);
        Assert.Contains("Palais des Nations", m.Venue);
        Assert.Equal("The International Labour Organization", m.Organiser);
        Assert.Equal("English", m.Language);
        Assert.Equal(new DateOnly(2024, 5, 15), m.RegistrationDeadline!.Date);
        var submission = Assert.Single(Agenda.AllDeadlines, d => d.Kind == DeadlineKind.Submission);
        Assert.Equal(new DateOnly(2024, 5, 1), submission.Date);
        Assert.Equal("submission of case studies", submission.For);
    }

    [Fact]
    public void Sessions_have_days_times_chair_panellists_and_questions()
    {
        var m = Agenda.Meetings.Single();
        Assert.Equal(6, m.Sessions.Count);
        var one = m.Sessions.Single(s => s.Id == "session-1");
        Assert.Equal((new DateOnly(2024, 6, 3), new TimeOnly(10, 0), new TimeOnly(12, 30)), (one.Date!.Value, one.Start!.Value, one.End!.Value));
        Assert.Equal(new Person("Ms. Jane Doe", "Director, Labour Migration Branch"), one.Chair);
        Assert.Equal(["Mr. John Roe", "Dr. Amina Yusuf"], one.Panelists.Select(p => p.Name).ToArray());
        Assert.Equal("Minister of Labour, Nepal", one.Panelists[0].Role);
        Assert.Equal(["What makes recruitment fair?", "How can fees charged to workers be eliminated?"], one.KeyQuestions);
        var two = m.Sessions.Single(s => s.Id == "session-2");
        Assert.Equal((new TimeOnly(14, 0), new TimeOnly(17, 0)), (two.Start!.Value, two.End!.Value));
        var three = m.Sessions.Single(s => s.Id == "session-3");
        Assert.Equal((new DateOnly(2024, 6, 4), new TimeOnly(9, 30), new TimeOnly(12, 0)), (three.Date!.Value, three.Start!.Value, three.End!.Value));
        Assert.Equal(SessionKind.Break, m.Sessions.Single(s => s.Title == "Lunch").Kind);
        Assert.Equal(new DateTimeOffset(2024, 6, 4, 9, 30, 0, TimeSpan.FromHours(2)), m.StartOf(three));
    }
}
