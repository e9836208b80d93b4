using System.Collections.Concurrent;
using DelegateBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace DelegateBot.DirectLine;

/// <summary>
/// The conversations of our Direct Line endpoint, in memory and bounded: at most MaxConversations (the least
/// recently used one goes first), MaxActivitiesPerConversation each, and forgotten after ConversationIdleTimeout
/// without use. A forgotten conversation answers 404, which Direct Line clients take as "conversation ended";
/// reloading the page starts a new one. The bot's own state (dialogs, registrations) is kept by the bot, not here.
/// </summary>
public sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineConversationStore> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly object _createGate = new();

    public int Count => _conversations.Count;

    public DirectLineConversation? Get(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation)) return null;
        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    /// <summary>Returns the conversation with this id, creating it for <paramref name="user"/> if new.</summary>
    public (DirectLineConversation Conversation, bool Created) GetOrCreate(string id, ChannelAccount user, string? locale = null)
    {
        if (Get(id) is { } existing) return (existing, false);
        lock (_createGate)
        {
            if (Get(id) is { } raced) return (raced, false);
            var o = options.Value;
            if (_conversations.Count >= o.MaxConversations) RemoveIdle();
            while (_conversations.Count >= o.MaxConversations && EvictLeastRecentlyUsed()) { }
            var created = new DirectLineConversation(id, user, o.MaxActivitiesPerConversation, o.MaxPendingActivities, time.GetUtcNow()) { Locale = locale };
            _conversations[id] = created;
            return (created, true);
        }
    }

    /// <summary>Forgets conversations unused for longer than the idle timeout (open WebSockets count as use).</summary>
    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - options.Value.ConversationIdleTimeout;
        var removed = 0;
        foreach (var conversation in _conversations.Values)
            if (conversation.LastUsed < cutoff && !conversation.HasOpenStreams && Remove(conversation))
                removed++;
        return removed;
    }

    private bool EvictLeastRecentlyUsed()
    {
        var oldest = _conversations.Values.MinBy(c => (c.HasOpenStreams, c.LastUsed));
        if (oldest is null) return false;
        logger.LogWarning("Direct Line: {Max} conversations in memory, dropping the least recently used one (DirectLine:MaxConversations)", options.Value.MaxConversations);
        return Remove(oldest);
    }

    private bool Remove(DirectLineConversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation))) return false;
        conversation.End();
        return true;
    }
}
