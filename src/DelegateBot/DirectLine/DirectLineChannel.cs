using System.Text.Json;
using DelegateBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace DelegateBot.DirectLine;

/// <summary>
/// The seam between our Direct Line channel and the bot: hands one activity to the bot and returns when the
/// bot's turn is over (the bot replies through the Connector routes at the activity's serviceUrl).
/// In the host this is the bot adapter, called in process for an identity the channel vouches for.
/// </summary>
public interface IDirectLineBot
{
    Task ProcessActivityAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>Thrown when a conversation already has MaxPendingActivities activities waiting for the bot.</summary>
public sealed class DirectLineBusyException() : Exception("The bot has not caught up with this conversation yet; retry shortly.");

/// <summary>
/// Our Direct Line service acting as the bot's channel: it turns what the user posts into activities for the bot
/// (channelId "directline", serviceUrl = our connector), keeps the user's echo and the bot's replies in the
/// conversation's log, and delivers to the bot one activity at a time per conversation, in order, off the
/// request thread (a slow answer never times out the client's POST).
/// </summary>
public sealed class DirectLineChannel(
    IOptions<DirectLineOptions> options,
    DirectLineServiceUrl serviceUrl,
    TimeProvider time,
    IDirectLineBot bot,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineChannel> logger)
{
    public const string ChannelId = "directline";

    /// <summary>Activity types a client may post; the others are the channel's or the bot's to send.</summary>
    public static readonly IReadOnlySet<string> ClientActivityTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing, ActivityTypes.EndOfConversation, ActivityTypes.MessageReaction,
    };

    // Serialized clones of what we store, so nothing shared is ever mutated after it is logged.
    private static readonly JsonSerializerOptions Json = BotJson.Options;

    public ChannelAccount BotAccount => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>Starts the delivery loop of a new conversation and tells the bot who joined (user, then bot).</summary>
    public void OnConversationCreated(DirectLineConversation conversation)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl.ConnectorBase,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = Clone(conversation.User),
            Recipient = BotAccount,
            MembersAdded = [Clone(conversation.User), BotAccount],
            Locale = conversation.Locale,
        };
        conversation.ToBot.Writer.TryWrite(update);
        _ = Task.Run(() => DeliverAsync(conversation));
    }

    /// <summary>
    /// Stores what the user posted (the echo Web Chat waits for, with a server id and timestamp and its
    /// channelData.clientActivityID untouched) and queues it for the bot. Returns the activity id.
    /// </summary>
    public string PostFromUser(DirectLineConversation conversation, Activity posted)
    {
        if (conversation.ToBot.Reader.Count >= options.Value.MaxPendingActivities) throw new DirectLineBusyException();
        // The token's user speaks, whatever "from" the client wrote; the name may come from the client.
        var from = Clone(conversation.User);
        from.Name ??= posted.From?.Name;
        from.Role = "user";
        posted.From = from;
        posted.Recipient = BotAccount;
        posted.Conversation = new ConversationAccount { Id = conversation.Id };
        posted.ChannelId = ChannelId;
        posted.ServiceUrl = null;
        posted.ReplyToId = null;
        // Fields that steer the adapter are the channel's to set, not the client's: callerId claims an origin,
        // deliveryMode "expectReplies" would keep the bot's replies in the adapter instead of this conversation.
        posted.CallerId = null;
        posted.DeliveryMode = null;
        posted.RelatesTo = null;

        Activity? forBot = null;
        var stored = conversation.Append((_, id) =>
        {
            posted.Id = id;
            posted.Timestamp = time.GetUtcNow();
            var json = JsonSerializer.Serialize(posted, Json);
            forBot = JsonSerializer.Deserialize<Activity>(json, Json)!;
            forBot.ServiceUrl = serviceUrl.ConnectorBase;
            return json;
        });
        if (!conversation.ToBot.Writer.TryWrite(forBot!))
        {
            if (conversation.Ended.IsCancellationRequested) throw new KeyNotFoundException(conversation.Id);
            conversation.Remove(stored.Id);
            throw new DirectLineBusyException();
        }
        return stored.Id;
    }

    /// <summary>Appends what the bot sends (Connector "send to conversation" / "reply to activity").</summary>
    public string? AppendFromBot(DirectLineConversation conversation, Activity activity, string? replyToId)
    {
        // The SDK sends traces only to the Emulator; nothing in a browser shows them.
        if (activity.Type is ActivityTypes.Trace or ActivityTypes.InvokeResponse) return null;
        Address(conversation, activity);
        if (replyToId != null) activity.ReplyToId = replyToId;
        var stored = conversation.Append((_, id) =>
        {
            activity.Id = id;
            activity.Timestamp = time.GetUtcNow();
            return JsonSerializer.Serialize(activity, Json);
        });
        return stored.Id;
    }

    /// <summary>Replaces an activity the bot sent earlier (Connector "update activity"); null when unknown.</summary>
    public string? UpdateFromBot(DirectLineConversation conversation, string activityId, Activity activity)
    {
        Address(conversation, activity);
        var replaced = conversation.Replace(activityId, old =>
        {
            activity.Id = activityId;
            // Keep the original time: Web Chat orders by timestamp, so the card changes where it stands.
            activity.Timestamp = JsonSerializer.Deserialize<Activity>(old.Json, Json)?.Timestamp ?? time.GetUtcNow();
            return JsonSerializer.Serialize(activity, Json);
        });
        return replaced?.Id;
    }

    private void Address(DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = null;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.From ??= BotAccount;
        activity.From.Role ??= "bot";
        activity.Recipient ??= Clone(conversation.User);
    }

    private async Task DeliverAsync(DirectLineConversation conversation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, conversation.Ended);
        try
        {
            await foreach (var activity in conversation.ToBot.Reader.ReadAllAsync(stop.Token))
            {
                try
                {
                    await bot.ProcessActivityAsync(activity, stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    // The next activity must still reach the bot; the adapter's OnTurnError tells the user.
                    logger.LogError(e, "Direct Line: the bot failed on {Type} activity {Id} in conversation {Conversation}", activity.Type, activity.Id, conversation.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down, or the conversation was forgotten.
        }
    }

    private static ChannelAccount Clone(ChannelAccount account) => new() { Id = account.Id, Name = account.Name, Role = account.Role };
}
