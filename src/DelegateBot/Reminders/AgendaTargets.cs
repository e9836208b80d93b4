using DelegateBot.Core.Agenda;
using DelegateBot.Core.Recognizers;
using AgendaModel = DelegateBot.Core.Agenda.Agenda;
using CoreChoice = DelegateBot.Core.Recognizers.Choice;

namespace DelegateBot.Reminders;

/// <summary>
/// Finds the meeting or session that words name: an agenda id ("panel-one", "meeting-id/panel-one") or a title,
/// whole or in part ("the debate", "panel two"). Several candidates are returned when the words fit more than one,
/// so the caller can ask which.
/// </summary>
public static class AgendaTargets
{
    public static IReadOnlyList<Meeting> FindMeetings(AgendaModel agenda, string? hint)
    {
        // A bare number would pick a meeting by its place in a list nobody was shown.
        if (string.IsNullOrWhiteSpace(hint) || !hint.Any(char.IsLetter)) return [];
        var text = hint.Trim();
        if (agenda.FindMeeting(text) is { } exact) return [exact];
        var meetings = agenda.Meetings;
        var result = ChoiceRecognizer.Recognize(text, meetings.Select(m => new CoreChoice(m.Title) { Synonyms = [m.Id] }).ToList());
        return result.Candidates.Select(c => meetings[c.Index]).ToList();
    }

    /// <summary>Sessions named by "meetingId/sessionId", a session id, or a title; within one meeting when given.</summary>
    public static IReadOnlyList<(Meeting Meeting, Session Session)> FindSessions(AgendaModel agenda, string? hint, Meeting? within = null)
    {
        if (string.IsNullOrWhiteSpace(hint) || !hint.Any(char.IsLetter)) return [];
        var text = hint.Trim();
        var slash = text.IndexOf('/');
        if (slash > 0 && agenda.FindMeeting(text[..slash].Trim()) is { } named)
        {
            within = named;
            text = text[(slash + 1)..].Trim();
        }
        var all = (within is null ? agenda.Meetings : [within])
            .SelectMany(m => m.Sessions.Where(s => s.Kind == SessionKind.Session).Select(s => (Meeting: m, Session: s))).ToList();
        var byId = all.Where(x => string.Equals(x.Session.Id, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count > 0) return byId;
        var result = ChoiceRecognizer.Recognize(text, all.Select(x => new CoreChoice(x.Session.Title) { Synonyms = [x.Session.Id] }).ToList());
        return result.Candidates.Select(c => all[c.Index]).ToList();
    }
}
