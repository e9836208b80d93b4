using System.Text.Json;
using System.Text.Json.Serialization;

namespace DelegateBot.BotFramework.Schema;

/// <summary>Activity types the Bot Framework defines (Microsoft.Bot.Schema ActivityTypes).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string EndOfConversation = "endOfConversation";
    public const string Trace = "trace";
}

/// <summary>
/// The Bot Framework activity, as it travels in JSON. Unknown properties are kept in
/// <see cref="Properties"/> so that nothing a channel sends is lost when we echo or store it.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? TopicName { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Code { get; set; }
    public string? DeliveryMode { get; set; }
    public string? CallerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A message reply to this activity: from/recipient swapped, same conversation, replyToId set.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = DateTimeOffset.UtcNow,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id, Name = Conversation.Name, IsGroup = Conversation.IsGroup,
            ConversationType = Conversation.ConversationType, TenantId = Conversation.TenantId,
        },
        Text = text ?? string.Empty,
        Locale = Locale,
    };

    /// <summary>The reference needed to continue this conversation later (proactive messages).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type == ActivityTypes.ConversationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    public static Activity CreateMessageActivity(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    public static Activity CreateTypingActivity() => new() { Type = ActivityTypes.Typing };
}

public class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ConversationAccount
{
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    /// <summary>Any JSON-serialisable object (an Adaptive Card); arrives as a JsonElement when read.</summary>
    public object? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}

/// <summary>An entity attached to an activity (mention, clientInfo, ...): type plus whatever else it carries.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction>? Actions { get; set; }
}

public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public object? Value { get; set; }

    public static CardAction ImBack(string title, string? value = null) => new() { Type = "imBack", Title = title, Value = value ?? title };
}

/// <summary>What is needed to send into a conversation later: stored per subscriber for proactive messages.</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }

    /// <summary>A new activity addressed through this reference (SDK: ApplyConversationReference).</summary>
    public Activity GetContinuationActivity() => new()
    {
        Type = ActivityTypes.Event,
        Name = "ContinueConversation",
        Id = Guid.NewGuid().ToString(),
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        Recipient = Bot,
        From = User,
        Locale = Locale,
        RelatesTo = this,
    };
}

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>The HTTP status and body a bot returns to an invoke activity.</summary>
public sealed class InvokeResponse
{
    public int Status { get; set; }
    public object? Body { get; set; }
}

/// <summary>The JSON settings every part of the protocol uses: camelCase, nulls omitted.</summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
