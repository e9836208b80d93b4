using DelegateBot.Core.Agenda;
using DelegateBot.Core.Agenda.Extraction;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>The agenda read from the seed documents of knowledge/ (the facts issue 5 requires).</summary>
public class SeedExtractionTests
{
    private static readonly DelegateBot.Core.Agenda.Agenda Agenda = new AgendaExtractor().Extract(AgendaTestData.SeedDocuments(), KnowledgeFolderReader.SourceText(AgendaTestData.KnowledgeFolder));

    private static Meeting Single(Func<Meeting, bool> predicate) => Assert.Single(Agenda.Meetings, m => predicate(m));

    private static string LineOf(Provenance p) =>
        File.ReadAllLines(Path.Combine(AgendaTestData.KnowledgeFolder, p.Source))[int.Parse(p.Location["line ".Length..]) - 1];

    [Fact]
    public void Thematic_debate_of_19_May_2011_has_both_panels_with_times_chairs_panelists_and_key_questions()
    {
        var debate = Single(m => m.Title.Contains("Informal Thematic Debate"));
        Assert.Equal(new DateOnly(2011, 5, 19), debate.StartDate);
        Assert.Equal("America/New_York", debate.TimeZone);
        Assert.Equal("Conference Room 4", debate.Room);
        Assert.Contains("UN Headquarters, New York", debate.Venue);

        var one = Assert.Single(debate.Sessions, s => s.Title.StartsWith("Panel one"));
        Assert.Equal((new TimeOnly(10, 20), new TimeOnly(13, 0)), (one.Start!.Value, one.End!.Value));
        Assert.Equal("Mr. William Swing", one.Chair!.Name);
        Assert.Equal("Director General, International Organization for Migration", one.Chair.Role);
        Assert.Equal(5, one.Panelists.Count);
        Assert.Contains(one.Panelists, p => p.Name == "H.E. Ms. Lorena Escudero" && p.Role == "National Secretary for Migrants, Ecuador");
        Assert.Contains(one.Panelists, p => p.Name == "Professor John Connell");
        Assert.Equal(3, one.KeyQuestions.Count);
        Assert.StartsWith("How can Governments support their nationals", one.KeyQuestions[0]);
        Assert.Contains("10:20", LineOf(one.Provenance));
        Assert.Equal("ga-thematic-debate-migration-development-2011.txt", one.Provenance.Source);
        Assert.StartsWith("With the increased recognition", one.Description); // from the concept note's "Morning session" text

        var two = Assert.Single(debate.Sessions, s => s.Title.StartsWith("Panel two"));
        Assert.Equal((new TimeOnly(15, 0), new TimeOnly(17, 40)), (two.Start!.Value, two.End!.Value));
        Assert.Equal("Dr. Khalid Koser", two.Chair!.Name);
        Assert.StartsWith("Academic Dean", two.Chair.Role);
        Assert.Equal(5, two.Panelists.Count);
        Assert.Contains(two.Panelists, p => p.Name == "H.E. Mr. Saqr Ghobash" && p.ToBeConfirmed);
        Assert.Equal(4, two.KeyQuestions.Count);
        Assert.StartsWith("Given the urgent need", two.KeyQuestions[3]);

        Assert.Equal(new DateTimeOffset(2011, 5, 19, 15, 0, 0, TimeSpan.FromHours(-4)), debate.StartOf(two));
        Assert.Equal(["Opening remarks", "Panel one", "Panel two", "Summary by Sir Peter Sutherland", "Closing remarks by the President of the General Assembly"],
            debate.Sessions.Select(s => s.Title.Split(':', ',')[0]).ToArray());
        Assert.Equal(["H.E. Mr. Joseph Deiss", "H.E. Mr. Ban Ki-moon"], debate.Sessions[0].Speakers.Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Unitar_seminar_of_7_March_2007_has_room_hours_language_and_registration_deadline()
    {
        var seminar = Single(m => m.Title.Contains("Seminar on Building Partnerships"));
        Assert.Equal(new DateOnly(2007, 3, 7), seminar.StartDate);
        Assert.Equal("Conference Room 9", seminar.Room);
        Assert.Contains("Conference Room 9", LineOf(seminar.SourceOf(AgendaFields.Room)));
        Assert.Equal(
            [new MeetingHours(new DateOnly(2007, 3, 7), new TimeOnly(9, 15), new TimeOnly(13, 0)), new MeetingHours(new DateOnly(2007, 3, 7), new TimeOnly(15, 0), new TimeOnly(18, 0))],
            seminar.Hours);
        Assert.Equal("America/New_York", seminar.TimeZone);
        var deadline = seminar.RegistrationDeadline!;
        Assert.Equal(new DateOnly(2007, 3, 2), deadline.Date);
        Assert.Contains("Registration deadline", LineOf(deadline.Provenance));
        Assert.Equal("English", seminar.Language);
        Assert.Equal("French", seminar.Interpretation);
        Assert.Contains("1 United Nations Plaza", seminar.RegistrationContact);
        Assert.Equal(["First session", "Second session", "Third session"], seminar.Sessions.Select(s => s.Title).ToArray());
        Assert.All(seminar.Sessions, s => Assert.Null(s.Start));
    }

    [Fact]
    public void Global_Forum_meetings_have_their_places_and_dates()
    {
        var forum = Agenda.Meetings.Where(m => m.Title.StartsWith("Global Forum on Migration and Development")).ToList();
        var brussels = Assert.Single(forum, m => m.Place == "Brussels");
        Assert.Equal((new DateOnly(2007, 7, 10), new DateOnly(2007, 7, 11)), (brussels.StartDate!.Value, brussels.EndDate!.Value));
        Assert.Equal("Europe/Brussels", brussels.TimeZone);
        var manila = Assert.Single(forum, m => m.Place == "Manila");
        Assert.Equal((new DateOnly(2008, 10, 29), new DateOnly(2008, 10, 30)), (manila.StartDate!.Value, manila.EndDate!.Value));
        Assert.Equal("Asia/Manila", manila.TimeZone);
        Assert.Equal("The Government of the Philippines", manila.Organiser);
        Assert.Contains("29 and 30 October 2008", manila.SourceOf(AgendaFields.Dates).Excerpt);
        var greece = Assert.Single(forum, m => m.Place == "Greece");
        Assert.Equal((2009, (DateOnly?)null), (greece.Year!.Value, greece.StartDate));
        var argentina = Assert.Single(forum, m => m.Place == "Argentina");
        Assert.Equal(2010, argentina.Year);
        Assert.Equal("2009", greece.DatesText);
    }

    [Fact]
    public void Submission_deadline_of_the_questionnaire_is_a_deadline_without_meeting()
    {
        var deadline = Assert.Single(Agenda.Deadlines);
        Assert.Equal((DeadlineKind.Submission, new DateOnly(2008, 4, 30)), (deadline.Kind, deadline.Date));
        Assert.Equal("sg-report-international-migration-development-2008.txt", deadline.Provenance.Source);
    }

    [Fact]
    public void Other_meetings_in_prose_keep_their_place_date_and_organiser()
    {
        var brussels2006 = Single(m => m.Title == "International Conference on Migration and Development");
        Assert.Equal((new DateOnly(2006, 3, 15), new DateOnly(2006, 3, 16)), (brussels2006.StartDate!.Value, brussels2006.EndDate!.Value));
        Assert.Equal("Palais d'Egmont, Brussels", brussels2006.Venue);
        Assert.Equal("The Kingdom of Belgium and the International Organization for Migration", brussels2006.Organiser);
        var iom = Single(m => m.Title == "Fifth Coordination Meeting on International Migration");
        Assert.Equal((new DateOnly(2006, 11, 20), "New York"), (iom.StartDate!.Value, iom.Place));
        var symposium = Single(m => m.Title == "Experts symposium");
        Assert.Equal(new DateOnly(2011, 5, 17), symposium.StartDate); // "17-18 May": the year comes from the document
    }
}
