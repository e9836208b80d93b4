using System.Text;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Agenda.Calendar;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>The .ics export read back by an RFC 5545 unfolder/unescaper written here (not the writer's code).</summary>
public class ICalendarTests
{
    private const string DebateId = "informal-thematic-debate-on-international-migration-and-2011";

    private static List<(string Name, string Params, string Value)> Parse(string ics)
    {
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));        // every line ends with CRLF
        var physical = ics.Split("\r\n")[..^1];
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"line longer than 75 octets: {l}"));
        var logical = new List<string>();
        foreach (var line in physical)
            if (line.StartsWith(' ')) logical[^1] += line[1..]; else logical.Add(line);
        return logical.Select(l =>
        {
            var colon = l.IndexOf(':');
            var head = l[..colon];
            var semi = head.IndexOf(';');
            return (semi < 0 ? head : head[..semi], semi < 0 ? "" : head[(semi + 1)..], l[(colon + 1)..]);
        }).ToList();
    }

    private static string Unescape(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\') { sb.Append(value[i]); continue; }
            var next = value[++i];
            sb.Append(next is 'n' or 'N' ? '\n' : next);
        }
        return sb.ToString();
    }

    private static List<Dictionary<string, (string Params, string Value)>> Events(List<(string Name, string Params, string Value)> lines)
    {
        var events = new List<Dictionary<string, (string, string)>>();
        Dictionary<string, (string, string)>? current = null;
        foreach (var (name, p, v) in lines)
        {
            if (name == "BEGIN" && v == "VEVENT") current = [];
            else if (name == "END" && v == "VEVENT") { events.Add(current!); current = null; }
            else current?.TryAdd(name, (p, v));
        }
        return events;
    }

    [Fact]
    public void Debate_exports_one_event_per_session_with_zone_description_and_escaping()
    {
        using var f = new AgendaServiceFixture();
        var ics = f.Service.ExportICalendar(DebateId);
        var lines = Parse(ics);
        Assert.Equal(("BEGIN", "", "VCALENDAR"), lines[0]);
        Assert.Equal(("END", "", "VCALENDAR"), lines[^1]);
        Assert.Contains(("VERSION", "", "2.0"), lines);
        var events = Events(lines);
        Assert.Equal(5, events.Count);
        var two = events.Single(e => Unescape(e["SUMMARY"].Value).StartsWith("Panel two"));
        Assert.Equal(("TZID=America/New_York", "20110519T150000"), two["DTSTART"]);
        Assert.Equal(("TZID=America/New_York", "20110519T174000"), two["DTEND"]);
        Assert.Equal($"{DebateId}.panel-two@delegatebot", two["UID"].Value);
        Assert.Equal("20000101T000000Z", two["DTSTAMP"].Value);
        Assert.Equal("Conference Room 4, North Lawn Building, UN Headquarters, New York", Unescape(two["LOCATION"].Value));
        Assert.Contains(@"Conference Room 4\, North Lawn Building", two["LOCATION"].Value);
        var description = Unescape(two["DESCRIPTION"].Value);
        Assert.Contains("\nChair: Dr. Khalid Koser, Academic Dean", description);
        Assert.Contains("\n- Dr. Rafael Fernández de Castro, Founder and Chair, Department of International Studies, Instituto Tecnológico Autónomo de México", description);
        Assert.Contains("\n4. Given the urgent need", description);

        // The zone the events name is defined, with New York's summer offset of 2011.
        var zone = lines.SkipWhile(l => l != ("BEGIN", "", "VTIMEZONE")).TakeWhile(l => l != ("END", "", "VTIMEZONE")).ToList();
        Assert.Contains(("TZID", "", "America/New_York"), zone);
        Assert.Contains(("DTSTART", "", "20110313T020000"), zone);
        Assert.Contains(("TZOFFSETTO", "", "-0400"), zone);
    }

    [Fact]
    public void Utc_export_converts_with_the_meeting_zone()
    {
        using var f = new AgendaServiceFixture();
        var events = Events(Parse(f.Service.ExportICalendar(DebateId, utc: true)));
        var one = events.Single(e => e["SUMMARY"].Value.StartsWith("Panel one"));
        Assert.Equal(("", "20110519T142000Z"), one["DTSTART"]);
        Assert.DoesNotContain("VTIMEZONE", f.Service.ExportICalendar(DebateId, utc: true));
    }

    [Fact]
    public void Meetings_without_session_times_export_their_hours_or_their_days()
    {
        using var f = new AgendaServiceFixture();
        var lines = Parse(f.Service.ExportICalendar());
        var events = Events(lines);
        var seminar = events.Where(e => e["SUMMARY"].Value.Contains("Building Partnerships")).ToList();
        Assert.Equal([("TZID=America/New_York", "20070307T091500"), ("TZID=America/New_York", "20070307T150000")], seminar.Select(e => e["DTSTART"]).ToArray());
        var manila = events.Single(e => e["SUMMARY"].Value.Contains("second meeting"));
        Assert.Equal(("VALUE=DATE", "20081029"), manila["DTSTART"]);
        Assert.Equal(("VALUE=DATE", "20081031"), manila["DTEND"]); // exclusive end
        Assert.DoesNotContain(events, e => e["SUMMARY"].Value.Contains("third meeting")); // only a year: nothing to put in a calendar
        Assert.Equal(events.Count, events.Select(e => e["UID"].Value).Distinct().Count());
    }

    [Fact]
    public void Folding_never_splits_a_character_and_escaping_round_trips()
    {
        var text = string.Concat(Enumerable.Repeat("Göran Hultin; Lajčák, \\ 東京 🌍 ", 12)) + "\nend";
        var sb = new StringBuilder();
        ICalendarWriter.Fold(sb, "DESCRIPTION:" + ICalendarWriter.Escape(text));
        var lines = Parse(sb.ToString());
        Assert.Equal(text, Unescape(Assert.Single(lines).Value));
    }
}
