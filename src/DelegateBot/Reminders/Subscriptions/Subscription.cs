using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Reminders.Subscriptions;

/// <summary>Which session pushes a conversation wants.</summary>
public enum SubscriptionMode
{
    /// <summary>Every session's card, except meetings it muted (the default).</summary>
    AllSessions,
    /// <summary>Only the sessions of meetings its user registered for.</summary>
    MySessions,
}

/// <summary>
/// A conversation the bot may write to unprompted: every conversation that talked to the bot or installed it.
/// </summary>
/// <param name="Key">"{channelId}|{conversationId}", unique per conversation.</param>
/// <param name="UserKey">For a one-to-one conversation, its user as registrations know them (see RegistrantIdentity.UserKey); null in group chats and channels.</param>
/// <param name="Vouched">The serviceUrl came on an authenticated channel request, so the bot's token may be sent to it after a restart.</param>
/// <param name="StoppedAt">The user said "stop reminders": nothing proactive goes there until "start reminders".</param>
/// <param name="InactiveReason">The channel refused a send for good (bot blocked or uninstalled, conversation gone); cleared when the conversation writes again.</param>
public sealed record Subscription(
    string Key,
    ConversationReference Reference,
    string? UserKey,
    bool IsGroup,
    bool Vouched,
    SubscriptionMode Mode,
    string? Locale,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? InactiveAt,
    string? InactiveReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt)
{
    public bool IsActive => StoppedAt is null && InactiveAt is null;

    public string ChannelId => Reference.ChannelId ?? "";

    public static string KeyOf(string channelId, string conversationId) => $"{channelId}|{conversationId}";
}
