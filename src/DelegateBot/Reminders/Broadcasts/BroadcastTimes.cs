using System.Globalization;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Recognizers;

namespace DelegateBot.Reminders.Broadcasts;

/// <summary>Turns the time words of a chat broadcast into an instant, in the time zone the organiser means.</summary>
public static class BroadcastTimes
{
    /// <summary>The zone a chat time is read in: the targeted meeting's, else the organiser's (Teams and Web Chat send it), else UTC.</summary>
    public static string ZoneFor(Meeting? meeting, string? localTimezone) =>
        meeting?.TimeZone ?? (!string.IsNullOrWhiteSpace(localTimezone) && AgendaTime.IsKnownZone(localTimezone) ? localTimezone : "UTC");

    /// <summary>The instant, or why the words are not one. A clock time without a date is today's, or tomorrow's once it has passed.</summary>
    public static (DateTimeOffset? At, string? Problem) Resolve(TimeWords when, string zone, TimeProvider time, RecognizerCulture culture)
    {
        var now = time.GetUtcNow();
        var french = culture.Language == RecognizerLanguage.French;
        if (when.In is { } delay) return (now + delay, null);
        if (when.Iso is { } iso)
        {
            if (DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(iso)) return Future(withOffset, now, french);
            if (DateTime.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                return Future(AgendaTime.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone), now, french);
            return (null, french ? $"Je ne sais pas lire la date « {iso} »." : $"I can't read the time \"{iso}\".");
        }
        var clock = when.Clock ?? TimeOnly.MinValue;
        DateOnly day;
        if (when.Date is { } words)
        {
            if (new DateRecognizer(time).Recognize(words, culture, AgendaTime.Zone(zone)) is not { } date)
                return (null, french ? $"Je ne sais pas lire la date « {words} »." : $"I can't read the date \"{words}\".");
            day = date.Value;
        }
        else
        {
            day = DateOnly.FromDateTime(AgendaTime.ToLocal(now, zone));
            if (AgendaTime.ToInstant(day, clock, zone) <= now) day = day.AddDays(1);
        }
        return Future(AgendaTime.ToInstant(day, clock, zone), now, french);
    }

    /// <summary>"Thursday 19 May 2011, 15:00 (America/New_York), 19:00 UTC".</summary>
    public static string Describe(DateTimeOffset at, string zone)
    {
        var local = AgendaTime.ToLocal(at, zone);
        var text = $"{AgendaTime.FormatDate(DateOnly.FromDateTime(local))}, {local:HH:mm} ({zone})";
        return zone == "UTC" ? text : $"{text}, {at.ToUniversalTime():HH:mm} UTC";
    }

    private static (DateTimeOffset?, string?) Future(DateTimeOffset at, DateTimeOffset now, bool french) =>
        at > now ? (at, null) : (null, french
            ? $"{at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC est déjà passé."
            : $"{at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC has already passed.");

    private static bool HasOffset(string iso) => iso.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(iso, @"[+-]\d{2}:?\d{2}$");
}
