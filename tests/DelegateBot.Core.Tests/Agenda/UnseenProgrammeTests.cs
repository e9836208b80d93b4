using DelegateBot.Core.Agenda;
using DelegateBot.Core.Agenda.Extraction;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>A document the extractor was not written around: the IPU programmes of 2018 (read from ../shared/corpus).</summary>
public class UnseenProgrammeTests
{
    private static readonly DelegateBot.Core.Agenda.Agenda Agenda =
        new AgendaExtractor().Extract([AgendaTestData.CorpusDocument("ipu_migration_meetings_2018_programmes.txt")]);

    [Fact]
    public void February_hearing_has_its_two_days_of_sessions()
    {
        var hearing = Assert.Single(Agenda.Meetings, m => m.Sessions.Count > 0 && m.StartDate == new DateOnly(2018, 2, 22));
        Assert.Contains("Hearing", hearing.Title);
        Assert.Equal(new DateOnly(2018, 2, 23), hearing.EndDate);
        Assert.Equal(13, hearing.Sessions.Count);
        var first = hearing.Sessions[0];
        Assert.Equal((new DateOnly(2018, 2, 22), new TimeOnly(9, 45), new TimeOnly(10, 15)), (first.Date!.Value, first.Start!.Value, first.End!.Value));
        Assert.Contains(first.Speakers, p => p.Name == "Mr. Miroslav Lajčák");
        Assert.Contains(first.Speakers, p => p.Name == "Ms. Gabriela Cuevas Barron" && p.Role == "President, IPU");
        var gcm = Assert.Single(hearing.Sessions, s => s.Title.StartsWith("The Global Compact for Migration"));
        Assert.Equal((new DateOnly(2018, 2, 23), new TimeOnly(16, 0), new TimeOnly(17, 15)), (gcm.Date!.Value, gcm.Start!.Value, gcm.End!.Value));
        Assert.Equal(2, hearing.Sessions.Count(s => s.Kind == SessionKind.Break));
        Assert.False(hearing.Sessions.Single(s => s.Title == "Lunch break").Pushes);
    }

    [Fact]
    public void Rabat_meeting_has_place_zone_organiser_and_sessions()
    {
        var rabat = Assert.Single(Agenda.Meetings, m => m.Place == "Rabat");
        Assert.Equal((new DateOnly(2018, 12, 6), new DateOnly(2018, 12, 7)), (rabat.StartDate!.Value, rabat.EndDate!.Value));
        Assert.Equal("Africa/Casablanca", rabat.TimeZone);
        Assert.Equal("The IPU and the Parliament of the Kingdom of Morocco", rabat.Organiser);
        Assert.Equal(16, rabat.Sessions.Count); // 9 items on 6 December, 7 on 7 December
        var four = Assert.Single(rabat.Sessions, s => s.Title.StartsWith("Session IV"));
        Assert.Equal((new DateOnly(2018, 12, 7), new TimeOnly(9, 30), new TimeOnly(10, 30)), (four.Date!.Value, four.Start!.Value, four.End!.Value));
        var closing = Assert.Single(rabat.Sessions, s => s.Title == "Closing ceremony");
        Assert.Equal(["Mr. Habib El Malki", "Mr. Hakim Benchamach", "Ms. Gabriela Cuevas"], closing.Speakers.Select(p => p.Name).ToArray());
        Assert.Equal("President of the House of Councillors", closing.Speakers[1].Role);
        Assert.Equal(3, rabat.Sessions.Count(s => s.Title == "Coffee Break" || s.Title.StartsWith("Coffee")));
        // Unique, readable session ids for agenda.yaml and calendar UIDs.
        Assert.Equal(rabat.Sessions.Count, rabat.Sessions.Select(s => s.Id).Distinct().Count());
        Assert.Contains(rabat.Sessions, s => s.Id == "session-iv");
    }
}
