using DelegateBot.Core.Agenda;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>knowledge/agenda.yaml: the organiser's corrections win field by field and are cited; bad files are explained and change nothing.</summary>
public class AgendaOverridesTests
{
    private const string DebateId = "informal-thematic-debate-on-international-migration-and-2011";

    [Fact]
    public void Corrections_win_field_by_field_and_answers_say_which_source_was_used()
    {
        using var f = new AgendaServiceFixture($"""
            # Organiser corrections
            meetings:
              - match: {DebateId}
                room: Trusteeship Council Chamber
                sessions:
                  - match: panel-one
                    start: "10:30"
                    pushes: false
                  - title: Press briefing
                    date: 2011-05-19
                    start: "13:15"
                    end: "13:45"
            """);
        var debate = f.Service.Current.FindMeeting(DebateId)!;
        Assert.Empty(f.Service.Current.Problems);
        Assert.Equal("Trusteeship Council Chamber", debate.Room);
        Assert.Equal(new Provenance("Organiser corrections", "agenda.yaml", "line 4") { Kind = ProvenanceKind.Corrected, Excerpt = "room: Trusteeship Council Chamber" },
            debate.SourceOf(AgendaFields.Room));
        var one = debate.Sessions.Single(s => s.Id == "panel-one");
        Assert.Equal((new TimeOnly(10, 30), new TimeOnly(13, 0)), (one.Start!.Value, one.End!.Value)); // end still from the document
        Assert.False(one.Pushes);
        Assert.Equal("agenda.yaml", one.SourceOf(AgendaFields.Time).Source);
        Assert.Equal("Mr. William Swing", one.Chair!.Name); // untouched fields keep the document's values
        Assert.Equal("ga-thematic-debate-migration-development-2011.txt", one.SourceOf(AgendaFields.Chair).Source);
        var briefing = debate.Sessions.Single(s => s.Title == "Press briefing");
        Assert.Equal((new DateOnly(2011, 5, 19), new TimeOnly(13, 15)), (briefing.Date!.Value, briefing.Start!.Value));

        var answer = f.Service.TryAnswer("What's on at 10:25 on 19 May 2011?")!;
        Assert.StartsWith("Nothing is scheduled at 10:25 on Thursday 19 May 2011.", answer.Text); // panel one now starts at 10:30
        Assert.Contains("Next: Panel one: The Contribution of migrants to development, 10:30–13:00", answer.Text);
        Assert.Contains("organiser's corrections from agenda.yaml", f.Service.TryAnswer("What's on at 10:40 on 19 May 2011?")!.Text);
        Assert.Contains(f.Service.TryAnswer("What's on at 10:40 on 19 May 2011?")!.Citations, c => c.Source == "agenda.yaml" && c.Location == "line 7");
        Assert.Contains("Press briefing", f.Service.TryAnswer("What's on at 13:30 on 19 May 2011?")!.Text);
    }

    [Fact]
    public void A_new_meeting_and_a_default_time_zone_can_be_added()
    {
        using var f = new AgendaServiceFixture("""
            defaultTimeZone: America/New_York
            meetings:
              - title: Delegates' briefing
                startDate: 2030-06-01
                venue: Palais des Nations, Geneva
                registrationDeadline: 2030-05-20
                sessions:
                  - title: Welcome
                    start: "09:00"
                    end: "09:30"
            """);
        var agenda = f.Service.Current;
        var briefing = agenda.Meetings.Single(m => m.Title == "Delegates' briefing");
        Assert.Equal("Europe/Zurich", briefing.TimeZone); // from the venue
        Assert.Equal(new DateOnly(2030, 5, 20), briefing.RegistrationDeadline!.Date);
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 9, 0, 0, TimeSpan.FromHours(2)), briefing.StartOf(briefing.Sessions.Single()));
        // Meetings whose venue told no zone now use the file's default.
        var hearing = new AgendaServiceFixture("defaultTimeZone: America/New_York\n");
        hearing.Service.Rebuild([AgendaTestData.CorpusDocument("ipu_migration_meetings_2018_programmes.txt")]);
        Assert.Equal("America/New_York", hearing.Service.Current.Meetings.Single(m => m.StartDate == new DateOnly(2018, 2, 22)).TimeZone);
        hearing.Dispose();
    }

    [Fact]
    public void Hidden_entries_remove_a_meeting_or_a_session()
    {
        using var f = new AgendaServiceFixture("""
            meetings:
              - match: Experts symposium
                hidden: true
              - match: Seminar on Building Partnerships
                sessions:
                  - match: third-session
                    hidden: true
            """);
        Assert.DoesNotContain(f.Service.Current.Meetings, m => m.Title == "Experts symposium");
        Assert.Equal(2, f.Service.Current.Meetings.Single(m => m.Title.Contains("Building Partnerships")).Sessions.Count);
    }

    [Theory]
    [InlineData("meetings:\n  - match: panel\n    rooom: X\n", "agenda.yaml line 3: unknown key 'rooom' in meetings[0]")]
    [InlineData("meetings:\n  - match: no such meeting\n    room: X\n", "agenda.yaml line 2: meetings[0]: no meeting matches 'no such meeting'")]
    [InlineData("meetings:\n  - match: " + DebateId + "\n    sessions:\n      - match: panel-one\n        start: 3pm\n", "agenda.yaml line 5: '3pm' is not a time; write it as HH:MM")]
    [InlineData("meetings:\n  - match: " + DebateId + "\n    timeZone: New York\n", "agenda.yaml line 3: meetings[0].timeZone 'New York' is not an IANA time zone")]
    [InlineData("meetings:\n  - match: " + DebateId + "\n    sessions:\n      - match: panel-one\n        end: \"10:00\"\n", "agenda.yaml line 5: meetings[0].sessions[0]: end 10:00 is not after start 10:20")]
    [InlineData("meetings:\n  - match: Global Forum\n    room: X\n", "matches several meetings")]
    [InlineData("meetings: [\n", "agenda.yaml line")]
    public void Invalid_files_are_explained_with_their_line_and_the_documents_agenda_stays(string yaml, string expected)
    {
        using var f = new AgendaServiceFixture(yaml);
        var agenda = f.Service.Current;
        Assert.Equal("agenda.yaml was not applied; the agenda comes from the documents only.", agenda.Problems[0]);
        Assert.Contains(agenda.Problems, p => p.StartsWith(expected, StringComparison.Ordinal) || p.Contains(expected, StringComparison.Ordinal));
        var debate = agenda.FindMeeting(DebateId)!;
        Assert.Equal("Conference Room 4", debate.Room);
        Assert.Equal(new TimeOnly(10, 20), debate.Sessions.Single(s => s.Id == "panel-one").Start);
    }

    [Fact]
    public void Saving_the_file_again_and_reloading_applies_the_new_corrections()
    {
        using var f = new AgendaServiceFixture("meetings:\n  - match: " + DebateId + "\n    room: Room A\n");
        Assert.Equal("Room A", f.Service.Current.FindMeeting(DebateId)!.Room);
        DelegateBot.Core.Agenda.Agenda? changed = null;
        f.Service.Changed += a => changed = a;
        File.WriteAllText(Path.Combine(f.Folder, "agenda.yaml"), "meetings:\n  - match: " + DebateId + "\n    room: Room B\n");
        f.Service.ReloadOverrides();
        Assert.Equal("Room B", changed!.FindMeeting(DebateId)!.Room);
        File.Delete(Path.Combine(f.Folder, "agenda.yaml"));
        f.Service.ReloadOverrides();
        Assert.Equal("Conference Room 4", f.Service.Current.FindMeeting(DebateId)!.Room);
    }
}
