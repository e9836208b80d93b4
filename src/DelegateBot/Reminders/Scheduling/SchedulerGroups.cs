namespace DelegateBot.Reminders.Scheduling;

/// <summary>Quartz job groups and job-data names of the reminder schedule. A job's name is its broadcast key.</summary>
public static class SchedulerGroups
{
    public const string SessionPushes = "session-push";
    public const string Rehearsals = "rehearsal-push";
    public const string Broadcasts = "scheduled-broadcast";

    internal const string MeetingId = "meetingId";
    internal const string SessionId = "sessionId";
    /// <summary>The programme's start of the session (UTC, round-trip format): the push is skipped if the agenda moved it.</summary>
    internal const string StartUtc = "startUtc";
    /// <summary>When the session starts in this run: the programme's start, or the shifted one of a rehearsal.</summary>
    internal const string ShownStartUtc = "shownStartUtc";
    internal const string Request = "request";
}
