using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.Bot;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Recognizers;
using DelegateBot.Registration;
using DelegateBot.Reminders.Delivery;

namespace DelegateBot.Reminders.Broadcasts;

/// <summary>A broadcast waiting for its organiser's "yes" (kept in conversation state, so a restart keeps it).</summary>
public sealed record PendingBroadcast(string Key, string Text, AudienceKind Kind, string? MeetingId, string? SessionId,
    DateTimeOffset? At, string Zone, int Recipients, DateTimeOffset AskedAt, bool French)
{
    public Audience Audience => new(Kind, MeetingId, SessionId);
}

/// <summary>
/// Organisers broadcast from chat (grammar: <see cref="BroadcastGrammar"/>): the bot answers with how many
/// conversations it will reach and asks "Send it?" (buttons, or a typed yes/no); the answer sends or schedules it.
/// "delivery report [id]" and "list broadcasts" show how deliveries went. Everyone else gets a polite refusal.
/// </summary>
public sealed class OrganiserBroadcastConversation(
    ConversationState conversationState,
    OrganiserDirectory organisers,
    OrganiserBroadcasts broadcasts,
    DeliveryReports reports,
    AgendaService agenda,
    TimeProvider time,
    ILogger<OrganiserBroadcastConversation> logger) : IConversationFeature
{
    /// <summary>The card buttons submit {"broadcast":"confirm"|"cancel","key":"..."}.</summary>
    public const string ValueProperty = "broadcast";

    /// <summary>A question left unanswered this long is dropped; the organiser asks again.</summary>
    public static readonly TimeSpan ConfirmationTimeout = TimeSpan.FromMinutes(15);

    private readonly IStatePropertyAccessor<PendingBroadcast> _pending = conversationState.CreateProperty<PendingBroadcast>("pendingBroadcast");

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        PendingBroadcast? pending = await _pending.GetAsync(turnContext, cancellationToken: cancellationToken);
        if (pending is not null && time.GetUtcNow() - pending.AskedAt > ConfirmationTimeout)
        {
            await _pending.DeleteAsync(turnContext, cancellationToken);
            pending = null;
        }

        // The card's buttons, then a typed yes/no while a broadcast waits for one.
        if (activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(ValueProperty, out var answer) && answer.ValueKind == JsonValueKind.String)
        {
            var key = value.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            await AnswerAsync(turnContext, pending is not null && pending.Key == key ? pending : null, answer.GetString() == "confirm", cancellationToken);
            return true;
        }
        var text = PromptInput.TextOf(activity);
        var command = BroadcastGrammar.Parse(text);
        // Only an organiser answers the question; in a group chat the others talk on without touching it.
        if (pending is not null && organisers.IsOrganiser(activity.From))
        {
            // A new command is never an answer, even when its text says "OK".
            if (command is null && ConfirmRecognizer.Recognize(text) is { } yes)
            {
                await AnswerAsync(turnContext, pending, yes, cancellationToken);
                return true;
            }
            // The organiser moved on without answering: nothing is sent.
            await _pending.DeleteAsync(turnContext, cancellationToken);
        }
        if (command is null) return false;
        if (!organisers.IsOrganiser(activity.From))
        {
            logger.LogInformation("Refused a broadcast command from {User} of {Channel}: not an organiser", activity.From?.Id, activity.ChannelId);
            var french = command is OrganiserCommand.Broadcast { Words.Language: RecognizerLanguage.French } or OrganiserCommand.Malformed { Language: RecognizerLanguage.French };
            await turnContext.SendActivityAsync(french
                ? "Désolé, seuls les organisateurs de la conférence peuvent envoyer des annonces et consulter leurs rapports."
                : "Sorry, only the conference organisers can send broadcasts and see their delivery reports.", cancellationToken);
            return true;
        }
        switch (command)
        {
            case OrganiserCommand.Malformed malformed:
                await turnContext.SendActivityAsync(malformed.Problem, cancellationToken);
                break;
            case OrganiserCommand.Broadcast broadcast:
                await AskAsync(turnContext, broadcast.Words, cancellationToken);
                break;
            case OrganiserCommand.Report report:
                var found = report.Id is null ? await reports.LatestAsync(cancellationToken) : await reports.GetAsync(report.Id, cancellationToken);
                await turnContext.SendActivityAsync(Plain(found?.ToText()
                    ?? (report.Id is null ? "No broadcasts yet." : $"No broadcast '{report.Id}' (say \"list broadcasts\" for the ids).")), cancellationToken);
                break;
            case OrganiserCommand.List:
                await turnContext.SendActivityAsync(Plain(await ListAsync(cancellationToken)), cancellationToken);
                break;
        }
        return true;
    }

    /// <summary>Resolves audience and time, counts the recipients and asks for confirmation.</summary>
    private async Task AskAsync(ITurnContext turnContext, BroadcastWords words, CancellationToken cancellationToken)
    {
        var fr = words.Language == RecognizerLanguage.French;
        var (audience, meeting, problem) = ResolveAudience(words, fr);
        if (audience is null)
        {
            await turnContext.SendActivityAsync(problem!, cancellationToken);
            return;
        }
        var zone = BroadcastTimes.ZoneFor(meeting, turnContext.Activity.LocalTimezone);
        DateTimeOffset? at = null;
        if (words.When is { } when)
        {
            var (resolved, timeProblem) = BroadcastTimes.Resolve(when, zone, time, fr ? RecognizerCulture.French : RecognizerCulture.From(turnContext.Activity.Locale));
            if (resolved is null)
            {
                await turnContext.SendActivityAsync(timeProblem!, cancellationToken);
                return;
            }
            at = resolved;
        }
        var order = new BroadcastOrder(words.Text, audience, at, RequestedBy(turnContext.Activity));
        if (broadcasts.Problem(order) is { } orderProblem)
        {
            await turnContext.SendActivityAsync(orderProblem, cancellationToken);
            return;
        }
        var recipients = await broadcasts.CountAsync(audience, cancellationToken);
        var who = broadcasts.Describe(audience, fr);
        if (recipients == 0 && at is null)
        {
            await turnContext.SendActivityAsync(fr
                ? $"Personne ne la recevrait : aucune conversation abonnée ne correspond à « {who} »."
                : $"Nobody would receive it: no subscribed conversation matches {who}.", cancellationToken);
            return;
        }

        var pending = new PendingBroadcast(OrganiserBroadcasts.NewKey(time.GetUtcNow()), words.Text, audience.Kind, audience.MeetingId, audience.SessionId, at, zone, recipients, time.GetUtcNow(), fr);
        await _pending.SetAsync(turnContext, pending, cancellationToken);
        var question = at is null
            ? (fr ? $"Cette annonce ira à {recipients} conversation(s) ({who}), maintenant. L'envoyer ?"
                  : $"This will go to {recipients} conversation(s) ({who}) now. Send it?")
            : (fr ? $"Cette annonce partira le {BroadcastTimes.Describe(at.Value, zone)}, à {who} ({recipients} conversation(s) aujourd'hui ; le public est recompté à l'envoi). La programmer ?"
                  : $"This will go out on {BroadcastTimes.Describe(at.Value, zone)} to {who} ({recipients} conversation(s) today; the audience is counted again when it goes). Schedule it?");
        await turnContext.SendActivityAsync(ConfirmationCard(question, words.Text, pending.Key, fr, turnContext.Activity.ChannelId), cancellationToken);
    }

    private async Task AnswerAsync(ITurnContext turnContext, PendingBroadcast? pending, bool yes, CancellationToken cancellationToken)
    {
        if (pending is null)
        {
            await turnContext.SendActivityAsync("Nothing is waiting for your confirmation (it was answered already, or asked more than 15 minutes ago).", cancellationToken);
            return;
        }
        var fr = pending.French;
        // In a group chat someone else may answer: only an organiser's answer counts, and the question stays for them.
        if (!organisers.IsOrganiser(turnContext.Activity.From))
        {
            await turnContext.SendActivityAsync(fr ? "Seul un organisateur peut répondre à cette question." : "Only an organiser can answer this.", cancellationToken);
            return;
        }
        await _pending.DeleteAsync(turnContext, cancellationToken);
        if (!yes)
        {
            await turnContext.SendActivityAsync(fr ? "D'accord, rien n'est envoyé." : "OK, nothing was sent.", cancellationToken);
            return;
        }
        var placement = await broadcasts.PlaceAsync(new BroadcastOrder(pending.Text, pending.Audience, pending.At, RequestedBy(turnContext.Activity), pending.Key), cancellationToken);
        logger.LogInformation("Organiser {User} placed broadcast {Key} ({Recipients} recipients){When}", turnContext.Activity.From?.Id, placement.Key, placement.Recipients,
            placement.IsScheduled ? $" for {pending.At:O}" : "");
        if (placement.Scheduled is { } scheduled)
        {
            await turnContext.SendActivityAsync(fr
                ? $"Programmée pour le {BroadcastTimes.Describe(scheduled.At, pending.Zone)} (clé {placement.Key}). Pour l'annuler : « broadcast cancel {placement.Key} » en ligne de commande, ou DELETE /admin/broadcasts/{placement.Key}."
                : $"Scheduled for {BroadcastTimes.Describe(scheduled.At, pending.Zone)} (key {placement.Key}). To cancel it: \"broadcast cancel {placement.Key}\" on the command line, or DELETE /admin/broadcasts/{placement.Key}.", cancellationToken);
            return;
        }
        var ticket = placement.Ticket!;
        await turnContext.SendActivityAsync(fr
            ? $"Envoyée : l'annonce {ticket.Id} part vers {ticket.Recipients} conversation(s). Dites « rapport de diffusion » pour suivre la livraison."
            : $"Sent: broadcast {ticket.Id} is on its way to {ticket.Recipients} conversation(s). Say \"delivery report\" to follow it.", cancellationToken);
    }

    private (Audience? Audience, Meeting? Meeting, string? Problem) ResolveAudience(BroadcastWords words, bool fr)
    {
        switch (words.Target)
        {
            case TargetKind.Registrants:
            {
                var meetings = AgendaTargets.FindMeetings(agenda.Current, words.Name);
                if (meetings.Count != 1) return (null, null, Which(meetings.Select(m => $"{m.Title} ({m.Id})").ToList(), words.Name, fr ? "réunion" : "meeting", fr));
                return (new Audience(AudienceKind.MeetingRegistrants, meetings[0].Id), meetings[0], null);
            }
            case TargetKind.SessionSubscribers:
            {
                var sessions = AgendaTargets.FindSessions(agenda.Current, words.Name);
                if (sessions.Count != 1) return (null, null, Which(sessions.Select(x => $"{x.Session.Title} ({x.Meeting.Id}/{x.Session.Id})").ToList(), words.Name, "session", fr));
                var (meeting, session) = sessions[0];
                return (new Audience(AudienceKind.SessionSubscribers, meeting.Id, session.Id), meeting, null);
            }
            default:
                return (Audience.Everyone, null, null);
        }
    }

    private static string Which(IReadOnlyList<string> candidates, string? name, string what, bool fr) => candidates.Count == 0
        ? (fr ? $"Aucune {what} ne correspond à « {name} » dans le programme." : $"No {what} on the agenda matches \"{name}\".")
        : (fr ? $"Plusieurs correspondent à « {name} » ; précisez avec l'identifiant : " : $"Several match \"{name}\"; say which with its id: ")
          + string.Join("; ", candidates.Take(8)) + (candidates.Count > 8 ? "; …" : ".");

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var list = await reports.ListAsync(10, organisersOnly: false, cancellationToken);
        if (list.Count == 0) return "No broadcasts yet.";
        var sb = new StringBuilder("Latest broadcasts (newest first):");
        foreach (var r in list)
            sb.Append('\n').Append(r.Broadcast.Id).Append("  ").Append(r.Broadcast.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture))
              .Append("  to ").Append(DeliveryReport.Describe(r.Broadcast.Audience)).Append(": sent ").Append(r.Sent).Append('/').Append(r.Broadcast.Recipients)
              .Append(r.Failed > 0 ? $", failed {r.Failed}" : "").Append(r.Complete ? "" : ", in progress")
              .Append(r.Broadcast.Summary is { } s ? $"  \"{s}\"" : "");
        sb.Append("\nSay \"delivery report <id>\" for one of them.");
        return sb.ToString();
    }

    /// <summary>The question with the text quoted and Yes/No buttons; suggested actions where cards do not render.</summary>
    private static Activity ConfirmationCard(string question, string text, string key, bool fr, string? channelId)
    {
        var (yes, no) = fr ? ("Oui, envoyer", "Non") : ("Yes, send it", "No");
        var plain = $"{question}\n\n> {text.Replace("\n", "\n> ", StringComparison.Ordinal)}";
        var reply = Activity.CreateMessageActivity();
        if (AnswerCard.RendersCards(channelId))
        {
            reply.Summary = plain;
            reply.Attachments = [AdaptiveCard.Attachment(plain,
                [
                    new JsonObject { ["type"] = "TextBlock", ["text"] = question, ["wrap"] = true, ["weight"] = "Bolder" },
                    new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true } } },
                ],
                [Submit(yes, "confirm", key), Submit(no, "cancel", key)])];
        }
        else
        {
            reply.Text = plain;
            reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(fr ? "Oui" : "Yes"), CardAction.ImBack(fr ? "Non" : "No")] };
        }
        return reply;
    }

    private static JsonObject Submit(string title, string answer, string key) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { [ValueProperty] = answer, ["key"] = key },
    };

    private static Activity Plain(string text)
    {
        var activity = Activity.CreateMessageActivity(text);
        activity.TextFormat = "plain";
        return activity;
    }

    /// <summary>Who asked, for the ledger and the reports: "Name (id)".</summary>
    private static string RequestedBy(Activity activity)
    {
        var id = activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown";
        return string.IsNullOrWhiteSpace(activity.From?.Name) ? id : $"{activity.From.Name} ({id})";
    }
}
