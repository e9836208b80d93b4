using System.Globalization;
using DelegateBot.Core.Agenda;
using AgendaModel = DelegateBot.Core.Agenda.Agenda;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>One session card to push: at <see cref="FireAtUtc"/>, under the idempotency key <see cref="Key"/>.</summary>
/// <param name="StartUtc">The session's start in the programme.</param>
/// <param name="ShownStartUtc">Its start in this run: <paramref name="StartUtc"/>, or shifted for a rehearsal.</param>
public sealed record PlannedPush(string Key, string MeetingId, string SessionId, string Title, DateTimeOffset StartUtc, DateTimeOffset ShownStartUtc, DateTimeOffset FireAtUtc)
{
    public bool IsRehearsal => ShownStartUtc != StartUtc;
}

/// <summary>
/// Which session pushes the agenda calls for at a moment: pure, so the rules (lead time, past sessions skipped,
/// keys that never change for an unchanged session) are tested without a scheduler.
/// </summary>
public static class SessionPushPlanner
{
    public static string PushKey(string meetingId, string sessionId, DateTimeOffset startUtc) =>
        $"push:{meetingId}:{sessionId}:{Utc(startUtc)}";

    public static string RehearsalKey(string meetingId, string sessionId, DateTimeOffset shownStartUtc) =>
        $"rehearsal:{meetingId}:{sessionId}:{Utc(shownStartUtc)}";

    public static string RehearsalPrefix(string meetingId) => $"rehearsal:{meetingId}:";

    /// <summary>The real pushes: every timed session that takes pushes and has not started yet. A session whose
    /// push time is already past but which has not started is pushed at once (late, within the lead window).</summary>
    public static IReadOnlyList<PlannedPush> ForAgenda(AgendaModel agenda, DateTimeOffset now, TimeSpan lead) =>
        agenda.Meetings.SelectMany(m => Pushable(m).Select(x => new PlannedPush(
                PushKey(m.Id, x.Session.Id, x.Start), m.Id, x.Session.Id, x.Session.Title, x.Start.ToUniversalTime(), x.Start.ToUniversalTime(), (x.Start - lead).ToUniversalTime())))
            .Where(p => p.ShownStartUtc > now)
            .OrderBy(p => p.FireAtUtc).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>The pushes of <paramref name="meeting"/> replayed so that its first session starts at <paramref name="realStart"/>.</summary>
    public static IReadOnlyList<PlannedPush> ForRehearsal(Meeting meeting, DateTimeOffset realStart, DateTimeOffset now, TimeSpan lead)
    {
        var offset = RehearsalClock.For(meeting, realStart, TimeProvider.System).Offset;
        return Pushable(meeting)
            .Select(x =>
            {
                var shown = (x.Start - offset).ToUniversalTime();
                return new PlannedPush(RehearsalKey(meeting.Id, x.Session.Id, shown), meeting.Id, x.Session.Id, x.Session.Title, x.Start.ToUniversalTime(), shown, shown - lead);
            })
            .Where(p => p.ShownStartUtc > now)
            .OrderBy(p => p.FireAtUtc).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<(Session Session, DateTimeOffset Start)> Pushable(Meeting meeting) =>
        meeting.Sessions
            .Where(s => s.Pushes && s.Kind == SessionKind.Session)
            .Select(s => (Session: s, Start: meeting.StartOf(s)))
            .Where(x => x.Start is not null)
            .Select(x => (x.Session, x.Start!.Value));

    private static string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
