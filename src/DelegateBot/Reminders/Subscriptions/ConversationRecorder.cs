using System.Security.Claims;
using DelegateBot.Bot;
using DelegateBot.BotFramework.Auth;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Registrations;

namespace DelegateBot.Reminders.Subscriptions;

/// <summary>
/// Makes every conversation that talks to the bot, or installs it, a subscriber: its ConversationReference is
/// stored (refreshed on each turn, so a moved serviceUrl follows). Removing the app, or the bot from a group,
/// makes the subscription inactive.
/// </summary>
public sealed class ConversationRecorder(SubscriptionStore store, ILogger<ConversationRecorder> logger) : ITurnObserver
{
    private static readonly HashSet<string> Recorded = [ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type is null || !Recorded.Contains(activity.Type)) return;
        if (string.IsNullOrWhiteSpace(activity.ChannelId) || activity.Conversation?.Id is not { Length: > 0 } conversationId || string.IsNullOrWhiteSpace(activity.ServiceUrl)) return;
        var key = Subscription.KeyOf(activity.ChannelId, conversationId);

        if (IsRemoval(activity))
        {
            await store.MarkInactiveAsync(key, activity.Type == ActivityTypes.InstallationUpdate ? "the app was uninstalled" : "the bot was removed from the conversation", cancellationToken);
            logger.LogInformation("Subscription {Key} inactive: the bot was removed or uninstalled", key);
            return;
        }

        var isGroup = IsGroup(activity.Conversation);
        string? userKey = null;
        if (!isGroup && activity.From is { Id: { Length: > 0 } userId } from && from.Role != "bot")
            userKey = new RegistrantIdentity(activity.ChannelId, userId, from.AadObjectId).UserKey;
        await store.RecordAsync(activity.GetConversationReference(), userKey, isGroup, IsVouched(turnContext), cancellationToken);
    }

    /// <summary>Group chats and Teams channels have no single user whose registrations would count.</summary>
    public static bool IsGroup(ConversationAccount conversation) =>
        conversation.IsGroup == true || conversation.ConversationType is "channel" or "groupChat";

    /// <summary>The request was authenticated (a channel token, our own Direct Line), not an anonymous local one.</summary>
    private static bool IsVouched(ITurnContext turnContext) =>
        turnContext.TurnState.Get<ClaimsIdentity>() is { IsAuthenticated: true } identity
        && identity.AuthenticationType != BotFrameworkAuthenticator.AnonymousAuthType;

    private static bool IsRemoval(Activity activity)
    {
        if (activity.Type == ActivityTypes.InstallationUpdate)
            return activity.Action?.ToLowerInvariant() is "remove" or "remove-upgrade";
        return activity.Type == ActivityTypes.ConversationUpdate && activity.Recipient?.Id is { } botId
            && activity.MembersRemoved?.Any(m => m.Id == botId) == true;
    }
}
