using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DelegateBot.Bot;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Agenda;
using DelegateBot.Reminders.Subscriptions;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>
/// The card pushed before a session (Adaptive Card 1.4): title, time in the meeting's time zone, room, chair,
/// key questions, and buttons "Panelists" and "Mute this meeting". The activity's summary and the card's
/// fallbackText carry the same content as plain text for channels and notifications that show no cards.
/// </summary>
public static class PushCard
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The message "who are the panelists of ...?" the Panelists button posts; the agenda answers it.</summary>
    public static string PanelistsQuestion(Session session) => $"who are the panelists of {session.Title}?";

    /// <param name="shownStartUtc">When the session starts in this run (shifted for a rehearsal).</param>
    public static Activity Build(Meeting meeting, Session session, DateTimeOffset shownStartUtc, bool rehearsal)
    {
        var when = When(meeting, session, shownStartUtc);
        var where = Where(meeting, session);
        var plain = PlainText(meeting, session, when, where, rehearsal);

        var facts = new JsonArray { Fact("When", when) };
        if (where is not null) facts.Add(Fact("Where", where));
        if (session.Chair is not null) facts.Add(Fact("Chair", session.Chair.ToString()));

        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = rehearsal ? "Rehearsal · starting soon" : "Starting soon", ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = session.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true, ["spacing"] = "Small" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = meeting.Title, ["isSubtle"] = true, ["wrap"] = true, ["spacing"] = "None" },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (session.KeyQuestions.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Key questions", ["weight"] = "Bolder", ["spacing"] = "Medium", ["wrap"] = true });
            for (var i = 0; i < session.KeyQuestions.Count; i++)
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"{i + 1}. {session.KeyQuestions[i]}", ["wrap"] = true, ["spacing"] = "Small" });
        }

        var actions = new JsonArray();
        // The agenda lists panelists or speakers; a session without either gets no button that would find nothing.
        if (session.Panelists.Count + session.Speakers.Count > 0) actions.Add(AdaptiveCard.ImBack("Panelists", PanelistsQuestion(session)));
        actions.Add(SubscriptionConversation.MeetingButton("Mute this meeting", "mute", meeting.Id));

        var activity = Activity.CreateMessageActivity();
        activity.Summary = plain;
        activity.Attachments = [AdaptiveCard.Attachment(plain, body, actions)];
        return activity;
    }

    /// <summary>"Thursday 19 May 2011, 10:20–13:00 (America/New_York)".</summary>
    public static string When(Meeting meeting, Session session, DateTimeOffset shownStartUtc)
    {
        var start = AgendaTime.ToLocal(shownStartUtc, meeting.TimeZone);
        var text = $"{start.ToString("dddd d MMMM yyyy, HH:mm", En)}";
        if (meeting.StartOf(session) is { } s && meeting.EndOf(session) is { } e && e > s)
            text += "–" + AgendaTime.ToLocal(shownStartUtc + (e - s), meeting.TimeZone).ToString("HH:mm", En);
        return $"{text} ({meeting.TimeZone})";
    }

    private static string? Where(Meeting meeting, Session session)
    {
        var room = session.Room ?? meeting.Room;
        if (room is null) return meeting.Venue;
        return meeting.Venue is null ? room : $"{room}, {meeting.Venue}";
    }

    private static string PlainText(Meeting meeting, Session session, string when, string? where, bool rehearsal)
    {
        var sb = new StringBuilder();
        sb.Append(rehearsal ? "Rehearsal, starting soon: " : "Starting soon: ").Append(session.Title).Append(" (").Append(meeting.Title).Append(')');
        sb.Append("\nWhen: ").Append(when);
        if (where is not null) sb.Append("\nWhere: ").Append(where);
        if (session.Chair is not null) sb.Append("\nChair: ").Append(session.Chair);
        if (session.KeyQuestions.Count > 0)
        {
            sb.Append("\nKey questions:");
            for (var i = 0; i < session.KeyQuestions.Count; i++) sb.Append('\n').Append(i + 1).Append(". ").Append(session.KeyQuestions[i]);
        }
        return sb.ToString();
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
