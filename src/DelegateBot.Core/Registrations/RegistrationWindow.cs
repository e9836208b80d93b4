namespace DelegateBot.Core.Registrations;

/// <summary>Whether a meeting accepts registrations now; when not, since which day.</summary>
public sealed record RegistrationAvailability(bool IsOpen, DateOnly? ClosedOn)
{
    public static readonly RegistrationAvailability Open = new(true, null);
}

/// <summary>
/// The deadline rule: registrations are accepted through the deadline day, and no later than the meeting's
/// last day, both judged by the calendar in the meeting's own time zone (a 2 March deadline in New York
/// still accepts at 23:00 New York time, when it is already 3 March in Geneva). Late registration, allowed
/// globally or per meeting, lifts both limits.
/// </summary>
public static class RegistrationWindow
{
    public static RegistrationAvailability Check(RegistrationMeeting meeting, DateTimeOffset now, bool allowLate)
    {
        if (allowLate || meeting.AllowLate) return RegistrationAvailability.Open;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ZoneOf(meeting)).DateTime);
        if (meeting.Deadline is { } deadline && today > deadline) return new RegistrationAvailability(false, deadline);
        var lastDay = meeting.EndDate ?? meeting.StartDate;
        if (lastDay is { } end && today > end) return new RegistrationAvailability(false, end);
        return RegistrationAvailability.Open;
    }

    private static TimeZoneInfo ZoneOf(RegistrationMeeting meeting)
        => TimeZoneInfo.TryFindSystemTimeZoneById(meeting.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
