using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.Bot;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Recognizers;
using DelegateBot.Core.Registrations;
using DelegateBot.Registration;

namespace DelegateBot.Reminders.Subscriptions;

/// <summary>
/// A delegate's say over their reminders: "stop reminders" / "start reminders", "only my sessions" / "all
/// sessions", "mute &lt;meeting&gt;" / "unmute &lt;meeting&gt;" (and the push card's "Mute this meeting" button, which
/// submits {"reminders":"mute","meetingId":"..."}), "my reminders". English and French.
/// </summary>
public sealed class SubscriptionConversation(SubscriptionStore store, AgendaService agenda, RegistrationStore registrations) : IConversationFeature
{
    /// <summary>The property of a card submit's value that carries a reminders command ("mute", "unmute", "stop", "start").</summary>
    public const string ValueProperty = "reminders";

    /// <summary>A card button that submits a "mute"/"unmute" <paramref name="command"/> for a meeting, as <see cref="Read"/> reads it.</summary>
    public static JsonObject MeetingButton(string title, string command, string meetingId) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { [ValueProperty] = command, ["meetingId"] = meetingId },
    };

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var (intent, meetingId) = Read(activity);
        if (intent.Kind == SubscriptionIntentKind.None) return false;
        var fr = intent.Language == RecognizerLanguage.French;
        var key = Subscription.KeyOf(activity.ChannelId ?? "", activity.Conversation?.Id ?? "");
        if (await store.GetAsync(key, cancellationToken) is not { } subscription)
        {
            await turnContext.SendActivityAsync(fr
                ? "Je ne peux pas gérer de rappels pour cette conversation (le canal ne m'a pas donné de quoi vous écrire plus tard)."
                : "I can't keep reminders for this conversation: the channel gave me no way to write to you later.", cancellationToken);
            return true;
        }

        switch (intent.Kind)
        {
            case SubscriptionIntentKind.Stop:
                await store.SetStoppedAsync(key, true, cancellationToken);
                await turnContext.SendActivityAsync(fr
                    ? "Rappels désactivés : je ne vous enverrai plus ni les fiches des sessions ni les annonces des organisateurs. Dites « reprendre les rappels » pour les réactiver."
                    : "Reminders are off: I won't send you session cards or the organisers' announcements. Say \"start reminders\" to turn them back on.", cancellationToken);
                break;
            case SubscriptionIntentKind.Start:
                await store.SetStoppedAsync(key, false, cancellationToken);
                await turnContext.SendActivityAsync((fr ? "Rappels activés. " : "Reminders are on. ") + await DescribeAsync(subscription with { StoppedAt = null }, turnContext, fr, cancellationToken), cancellationToken);
                break;
            case SubscriptionIntentKind.MySessions or SubscriptionIntentKind.AllSessions:
                await SetModeAsync(turnContext, subscription, intent.Kind == SubscriptionIntentKind.MySessions ? SubscriptionMode.MySessions : SubscriptionMode.AllSessions, fr, cancellationToken);
                break;
            case SubscriptionIntentKind.Mute or SubscriptionIntentKind.Unmute:
                await SetMutedAsync(turnContext, subscription, intent, meetingId, fr, cancellationToken);
                break;
            case SubscriptionIntentKind.Settings:
                await turnContext.SendActivityAsync(await DescribeAsync(subscription, turnContext, fr, cancellationToken), cancellationToken);
                break;
        }
        return true;
    }

    private async Task SetModeAsync(ITurnContext turnContext, Subscription subscription, SubscriptionMode mode, bool fr, CancellationToken cancellationToken)
    {
        if (mode == SubscriptionMode.MySessions && subscription.UserKey is null)
        {
            await turnContext.SendActivityAsync(fr
                ? "Dans une conversation de groupe, les rappels couvrent toutes les sessions ; « seulement mes sessions » fonctionne dans une conversation privée avec moi."
                : "In a group conversation reminders cover every session; \"only my sessions\" works in a one-to-one chat with me.", cancellationToken);
            return;
        }
        await store.SetModeAsync(subscription.Key, mode, cancellationToken);
        await turnContext.SendActivityAsync(await DescribeAsync(subscription with { Mode = mode }, turnContext, fr, cancellationToken), cancellationToken);
    }

    private async Task SetMutedAsync(ITurnContext turnContext, Subscription subscription, SubscriptionIntent intent, string? meetingId, bool fr, CancellationToken cancellationToken)
    {
        var mute = intent.Kind == SubscriptionIntentKind.Mute;
        Meeting? meeting = null;
        if (meetingId is null)
        {
            var found = AgendaTargets.FindMeetings(agenda.Current, intent.Rest);
            if (found.Count != 1)
            {
                var text = found.Count == 0
                    ? (fr ? $"Je ne trouve pas de réunion « {intent.Rest} » dans le programme." : $"I can't find a meeting called \"{intent.Rest}\" on the agenda.")
                    : (fr ? "Laquelle ? " : "Which one? ") + string.Join("; ", found.Take(5).Select(m => $"{m.Title} ({m.Id})"));
                await turnContext.SendActivityAsync(text, cancellationToken);
                return;
            }
            meeting = found[0];
            meetingId = meeting.Id;
        }
        else meeting = agenda.Current.FindMeeting(meetingId);
        var title = meeting?.Title ?? meetingId;

        var changed = await store.SetMutedAsync(subscription.Key, meetingId, mute, cancellationToken);
        string message;
        if (mute)
        {
            message = fr
                ? $"{(changed ? "Sourdine activée" : "Déjà en sourdine")} pour {title} : plus de rappels de ses sessions. Dites « réactiver {title} » pour annuler."
                : $"{(changed ? "Muted" : "Already muted")}: no more session reminders for {title}. Say \"unmute {title}\" to undo.";
        }
        else
        {
            message = changed
                ? (fr ? $"{title} n'est plus en sourdine : ses rappels de session reviendront." : $"{title} is unmuted: its session reminders will come again.")
                : (fr ? $"{title} n'était pas en sourdine." : $"{title} was not muted.");
        }
        if (subscription.StoppedAt is not null)
            message += fr ? " (Les rappels sont désactivés pour l'instant ; dites « reprendre les rappels ».)" : " (Reminders are off at the moment; say \"start reminders\".)";

        var reply = Activity.CreateMessageActivity(message);
        if (mute && AnswerCard.RendersCards(turnContext.Activity.ChannelId))
        {
            // The undo as a button next to the confirmation, carrying the id so no name matching is needed.
            reply.Text = null;
            reply.Summary = message;
            reply.Attachments = [AdaptiveCard.Attachment(message,
                [new JsonObject { ["type"] = "TextBlock", ["text"] = message, ["wrap"] = true }],
                [MeetingButton(fr ? "Réactiver" : "Unmute", "unmute", meetingId)])];
        }
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>"Reminders are on, for every session (muted: X). ..." as the subscriber's settings read.</summary>
    private async Task<string> DescribeAsync(Subscription subscription, ITurnContext turnContext, bool fr, CancellationToken cancellationToken)
    {
        if (subscription.StoppedAt is not null)
            return fr ? "Les rappels sont désactivés. Dites « reprendre les rappels » pour les réactiver." : "Reminders are off. Say \"start reminders\" to turn them back on.";
        var muted = (await store.MutedMeetingsAsync(subscription.Key, cancellationToken)).Select(id => agenda.Current.FindMeeting(id)?.Title ?? id).ToList();
        string text;
        if (subscription.Mode == SubscriptionMode.MySessions)
        {
            var mine = subscription.UserKey is null ? [] : await registrations.FindForPersonAsync(RegistrationConversation.Identity(turnContext), cancellationToken);
            var titles = mine.Select(r => agenda.Current.FindMeeting(r.MeetingId)?.Title ?? r.MeetingId).Distinct().ToList();
            text = titles.Count == 0
                ? (fr ? "Vous recevrez les rappels des sessions des réunions auxquelles vous êtes inscrit·e ; vous n'êtes inscrit·e à aucune pour l'instant (dites « je veux m'inscrire »)."
                      : "You'll get session reminders only for the meetings you registered for, and you have no registration yet (say \"I want to register\").")
                : (fr ? $"Vous recevrez les rappels des sessions de vos réunions : {string.Join(", ", titles)}."
                      : $"You'll get session reminders only for your meetings: {string.Join(", ", titles)}.");
        }
        else text = fr ? "Vous recevrez un rappel avant chaque session." : "You'll get a reminder before every session.";
        if (muted.Count > 0) text += fr ? $" En sourdine : {string.Join(", ", muted)}." : $" Muted: {string.Join(", ", muted)}.";
        text += fr
            ? " Dites « seulement mes sessions », « toutes les sessions », « sourdine <réunion> » ou « arrêter les rappels »."
            : " Say \"only my sessions\", \"all sessions\", \"mute <meeting>\" or \"stop reminders\".";
        return text;
    }

    /// <summary>A card submit ({"reminders":"mute","meetingId":"..."}) or words.</summary>
    private static (SubscriptionIntent Intent, string? MeetingId) Read(Activity activity)
    {
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(ValueProperty, out var command) && command.ValueKind == JsonValueKind.String)
        {
            var language = RecognizerCulture.From(activity.Locale).Language;
            var meetingId = value.TryGetProperty("meetingId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            SubscriptionIntentKind kind = command.GetString() switch
            {
                "mute" when !string.IsNullOrWhiteSpace(meetingId) => SubscriptionIntentKind.Mute,
                "unmute" when !string.IsNullOrWhiteSpace(meetingId) => SubscriptionIntentKind.Unmute,
                "stop" => SubscriptionIntentKind.Stop,
                "start" => SubscriptionIntentKind.Start,
                _ => SubscriptionIntentKind.None,
            };
            return (new SubscriptionIntent(kind, language), meetingId);
        }
        return (SubscriptionIntents.Recognize(PromptInput.TextOf(activity)), null);
    }
}
