using AgendaModel = DelegateBot.Core.Agenda.Agenda;

namespace DelegateBot.Reminders.Broadcasts;

/// <summary>
/// Audiences as the admin API and the CLI name them: "everyone", "registrants" + a meeting, "session" + a meeting and
/// a session; the CLI's compact form is "everyone", "registrants:&lt;meeting&gt;" or "session:&lt;meeting&gt;/&lt;session&gt;".
/// Meetings and sessions are agenda ids, exactly: a machine's typo must not reach another meeting's delegates. When
/// the words resemble titles, the error suggests the ids they may have meant.
/// </summary>
public static class AudienceSpec
{
    public const string Help = "everyone, registrants:<meeting-id> or session:<meeting-id>/<session-id>";

    /// <summary>The CLI's compact form taken apart: ("registrants", "meeting", null).</summary>
    public static (string Kind, string? Meeting, string? Session) Split(string spec)
    {
        var colon = spec.IndexOf(':');
        if (colon < 0) return (spec.Trim(), null, null);
        var kind = spec[..colon].Trim();
        var rest = spec[(colon + 1)..].Trim();
        var slash = rest.IndexOf('/');
        return slash < 0 ? (kind, rest, null) : (kind, rest[..slash].Trim(), rest[(slash + 1)..].Trim());
    }

    public static (Audience? Audience, string? Problem) Resolve(string? kind, string? meeting, string? session, AgendaModel agenda)
    {
        switch ((kind ?? "everyone").Trim().ToLowerInvariant())
        {
            case "everyone" or "all" or "":
                return (Audience.Everyone, null);
            case "registrants" or "meetingregistrants":
            {
                if (string.IsNullOrWhiteSpace(meeting)) return (null, "A registrants audience needs the meeting (its agenda id).");
                return agenda.FindMeeting(meeting.Trim()) is { } found
                    ? (new Audience(AudienceKind.MeetingRegistrants, found.Id), null)
                    : (null, Unknown("meeting", meeting, AgendaTargets.FindMeetings(agenda, meeting).Select(m => m.Id)));
            }
            case "session" or "sessionsubscribers" or "subscribers":
            {
                if (string.IsNullOrWhiteSpace(meeting) || string.IsNullOrWhiteSpace(session)) return (null, "A session audience needs the meeting and the session (their agenda ids).");
                if (agenda.FindMeeting(meeting.Trim()) is not { } m)
                    return (null, Unknown("meeting", meeting, AgendaTargets.FindMeetings(agenda, meeting).Select(x => x.Id)));
                return m.Sessions.FirstOrDefault(s => s.Id == session.Trim()) is { } found
                    ? (new Audience(AudienceKind.SessionSubscribers, m.Id, found.Id), null)
                    : (null, Unknown($"session of {m.Id}", session, m.Sessions.Select(s => s.Id)));
            }
            default:
                return (null, $"Unknown audience '{kind}': use {Help}.");
        }
    }

    private static string Unknown(string what, string name, IEnumerable<string> suggestions)
    {
        var list = suggestions.Take(8).ToList();
        return $"No {what} '{name}' on the agenda (the agenda command lists the ids)" + (list.Count == 0 ? "." : $"; ids: {string.Join(", ", list)}.");
    }
}
