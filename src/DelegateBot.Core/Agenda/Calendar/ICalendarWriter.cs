using System.Globalization;
using System.Text;

namespace DelegateBot.Core.Agenda.Calendar;

/// <summary>
/// Writes the agenda as iCalendar (RFC 5545): a VEVENT per timed session, per block of meeting hours, or an
/// all-day event per meeting with known days. Times carry TZID with a matching VTIMEZONE (or UTC on request);
/// text is escaped (\ ; , newline) and lines are folded at 75 octets without splitting a UTF-8 character.
/// </summary>
public sealed class ICalendarWriter(DateTimeOffset stamp, bool utc = false)
{
    private const string Domain = "delegatebot";

    public string Write(IEnumerable<Meeting> meetings)
    {
        var list = meetings.ToList();
        var events = new List<(Meeting M, string Uid, string Summary, string Description, DateOnly Day, TimeOnly? Start, TimeOnly? End, DateOnly? LastDay)>();
        foreach (var m in list)
        {
            var timed = m.Sessions.Where(s => s.Start is not null && m.DayOf(s) is not null).ToList();
            foreach (var s in timed)
                events.Add((m, $"{m.Id}.{s.Id}@{Domain}", s.Title, SessionDescription(m, s), m.DayOf(s)!.Value, s.Start, s.End ?? s.Start!.Value.AddMinutes(30), null));
            if (timed.Count > 0 || m.StartDate is not { } first) continue;
            if (m.Hours.Count > 0)
            {
                for (var day = first; day <= (m.EndDate ?? first); day = day.AddDays(1))
                    foreach (var h in m.Hours.Where(h => h.Date is null || h.Date == day))
                        events.Add((m, $"{m.Id}.{day:yyyyMMdd}-{h.Start:HHmm}@{Domain}", m.Title, MeetingDescription(m), day, h.Start, h.End, null));
            }
            else events.Add((m, $"{m.Id}@{Domain}", m.Title, MeetingDescription(m), first, null, null, m.EndDate ?? first));
        }

        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//DelegateBot//Agenda//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(list.Count == 1 ? list[0].Title : "DelegateBot agenda"));
        if (!utc)
            foreach (var zone in events.Where(e => e.Start is not null).GroupBy(e => e.M.TimeZone))
                VTimeZone.Write(zone.Key, zone.Min(e => e.Day).Year - 1, zone.Max(e => e.Day).Year + 1, Line);
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + e.Uid);
            Line("DTSTAMP:" + dtstamp);
            if (e.Start is { } start)
            {
                Line("DTSTART" + DateTime(e.Day, start, e.M.TimeZone));
                Line("DTEND" + DateTime(e.Day, e.End!.Value, e.M.TimeZone));
            }
            else
            {
                Line("DTSTART;VALUE=DATE:" + e.Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                Line("DTEND;VALUE=DATE:" + e.LastDay!.Value.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)); // exclusive
            }
            Line("SUMMARY:" + Escape(e.Summary));
            if (Location(e.M) is { } location) Line("LOCATION:" + Escape(location));
            Line("DESCRIPTION:" + Escape(e.Description));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    private string DateTime(DateOnly day, TimeOnly time, string zone)
    {
        if (utc)
            return ":" + AgendaTime.ToInstant(day, time, zone).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $";TZID={zone}:" + day.ToDateTime(time).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
    }

    private static string? Location(Meeting m)
    {
        var parts = new[] { m.Room, m.Venue }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string SessionDescription(Meeting m, Session s)
    {
        var sb = new StringBuilder(m.Title);
        if (s.Chair is not null) sb.Append("\nChair: ").Append(s.Chair);
        if (s.Panelists.Count > 0) sb.Append("\nPanelists:").Append(string.Concat(s.Panelists.Select(p => "\n- " + p)));
        if (s.Speakers.Count > 0) sb.Append("\nSpeakers:").Append(string.Concat(s.Speakers.Select(p => "\n- " + p)));
        if (s.KeyQuestions.Count > 0) sb.Append("\nKey questions:").Append(string.Concat(s.KeyQuestions.Select((q, i) => $"\n{i + 1}. {q}")));
        sb.Append("\nSource: ").Append(s.Provenance.Document).Append(" (").Append(s.Provenance).Append(')');
        return sb.ToString();
    }

    private static string MeetingDescription(Meeting m)
    {
        var sb = new StringBuilder(m.Title);
        if (m.Organiser is not null) sb.Append("\nOrganiser: ").Append(m.Organiser);
        if (m.Language is not null) sb.Append("\nLanguage: ").Append(m.Language).Append(m.Interpretation is null ? "" : $" (interpretation: {m.Interpretation})");
        foreach (var s in m.Sessions) sb.Append("\n- ").Append(s.Title);
        if (m.RegistrationDeadline is { } d) sb.Append("\nRegistration deadline: ").Append(AgendaTime.FormatDate(d.Date));
        sb.Append("\nSource: ").Append(m.Provenance.Document).Append(" (").Append(m.Provenance).Append(')');
        return sb.ToString();
    }

    /// <summary>TEXT value escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>Content lines longer than 75 octets continue on lines starting with a space (§3.1); CRLF ends each line.</summary>
    internal static void Fold(StringBuilder sb, string line)
    {
        var bytes = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var octets = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (bytes + octets > limit)
            {
                sb.Append("\r\n ");
                bytes = 1; // the leading space counts
            }
            sb.Append(line, i, width);
            bytes += octets;
            i += width;
        }
        sb.Append("\r\n");
    }
}
