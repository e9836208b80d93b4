using System.Globalization;

namespace DelegateBot.Core.Agenda.Calendar;

/// <summary>
/// A VTIMEZONE for an IANA zone over a range of years, built from the zone's actual offset changes (found by
/// scanning the system's tz data), so calendar clients place events right without knowing the zone id.
/// </summary>
internal static class VTimeZone
{
    public static void Write(string ianaId, int fromYear, int toYear, Action<string> line)
    {
        var zone = AgendaTime.Zone(ianaId);
        var start = new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(toYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        line("BEGIN:VTIMEZONE");
        line("TZID:" + ianaId);
        var offset = zone.GetUtcOffset(start);
        var transitions = new List<(DateTimeOffset At, TimeSpan From, TimeSpan To)>();
        for (var t = start; t < end; t = t.AddHours(1))
        {
            var next = zone.GetUtcOffset(t.AddHours(1));
            if (next == offset) continue;
            // Narrow the change down to the minute.
            var lo = t;
            var hi = t.AddHours(1);
            while (hi - lo > TimeSpan.FromMinutes(1))
            {
                var mid = lo + (hi - lo) / 2;
                if (zone.GetUtcOffset(mid) == offset) lo = mid; else hi = mid;
            }
            var at = new DateTimeOffset(hi.Ticks - hi.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
            transitions.Add((at, offset, next));
            offset = next;
        }
        if (transitions.Count == 0)
        {
            Observance("STANDARD", new DateTime(1970, 1, 1), offset, offset, zone.StandardName, line);
        }
        else
        {
            foreach (var (at, from, to) in transitions)
            {
                var local = at.UtcDateTime + from; // DTSTART is in the offset in force before the change
                var daylight = zone.IsDaylightSavingTime(at.AddMinutes(1));
                Observance(daylight ? "DAYLIGHT" : "STANDARD", local, from, to, daylight ? zone.DaylightName : zone.StandardName, line);
            }
        }
        line("END:VTIMEZONE");
    }

    private static void Observance(string kind, DateTime localStart, TimeSpan from, TimeSpan to, string name, Action<string> line)
    {
        line("BEGIN:" + kind);
        line("DTSTART:" + localStart.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        line("TZOFFSETFROM:" + Offset(from));
        line("TZOFFSETTO:" + Offset(to));
        if (!string.IsNullOrWhiteSpace(name)) line("TZNAME:" + ICalendarWriter.Escape(name));
        line("END:" + kind);
    }

    private static string Offset(TimeSpan o) =>
        (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
}
