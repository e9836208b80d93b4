using System.Data.Common;
using System.Text.Json;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Reminders.Subscriptions;

/// <summary>Subscriptions and muted meetings in the reminders database.</summary>
public sealed class SubscriptionStore(RemindersDatabase database, TimeProvider time)
{
    private const string Columns = "conversation_key, reference_json, user_key, is_group, vouched, mode, locale, stopped_at, inactive_at, inactive_reason, created_at, last_seen_at";

    /// <summary>How stale last_seen_at may get before a turn that changes nothing else writes it anyway.</summary>
    public static readonly TimeSpan LastSeenRefresh = TimeSpan.FromHours(1);

    /// <summary>
    /// Creates or refreshes the conversation's subscription from an inbound activity. A conversation that writes
    /// again is active again (the user unblocked or reinstalled the bot); "stop reminders" and the chosen mode stay.
    /// The serviceUrl is vouched for only by an authenticated request; an anonymous one never upgrades it.
    /// This runs on every turn, so the row is read first and written only when the write would change it (or its
    /// last_seen_at is older than <see cref="LastSeenRefresh"/>): a read takes no write lock.
    /// </summary>
    public async Task RecordAsync(ConversationReference reference, string? userKey, bool isGroup, bool vouched, CancellationToken cancellationToken = default)
    {
        var channelId = reference.ChannelId ?? throw new ArgumentException("The reference has no channelId.", nameof(reference));
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation id.", nameof(reference));
        var serviceUrl = reference.ServiceUrl ?? throw new ArgumentException("The reference has no serviceUrl.", nameof(reference));
        var key = Subscription.KeyOf(channelId, conversationId);
        var nowTime = time.GetUtcNow();
        if (await GetAsync(key, cancellationToken).ConfigureAwait(false) is { } current
            && current.InactiveAt is null
            && current.Reference.ServiceUrl == serviceUrl
            && current.UserKey == userKey
            && current.IsGroup == isGroup
            && (current.Vouched || !vouched)
            && SameReference(current.Reference, reference)
            && nowTime - current.LastSeenAt < LastSeenRefresh)
            return;
        var referenceJson = JsonSerializer.Serialize(reference, BotJson.Options);
        var now = Sql.Time(nowTime);
        await database.ExecuteAsync($"""
            INSERT INTO subscriptions (conversation_key, channel_id, conversation_id, service_url, reference_json, user_key, is_group, vouched, mode, locale, stopped_at, inactive_at, inactive_reason, created_at, last_seen_at)
            VALUES (@k, @c, @conv, @url, @ref, @user, @group, @vouched, 'all', @locale, NULL, NULL, NULL, @now, @now)
            ON CONFLICT (conversation_key) DO UPDATE SET
                service_url = excluded.service_url, reference_json = excluded.reference_json, user_key = excluded.user_key,
                is_group = excluded.is_group, locale = COALESCE(excluded.locale, subscriptions.locale), last_seen_at = excluded.last_seen_at,
                vouched = CASE WHEN excluded.vouched = 1 THEN 1 WHEN subscriptions.service_url = excluded.service_url THEN subscriptions.vouched ELSE 0 END,
                inactive_at = NULL, inactive_reason = NULL
            """, cancellationToken,
            ("@k", key), ("@c", channelId), ("@conv", conversationId), ("@url", serviceUrl),
            ("@ref", referenceJson), ("@user", userKey), ("@group", isGroup ? 1 : 0),
            ("@vouched", vouched ? 1 : 0), ("@locale", reference.Locale), ("@now", now)).ConfigureAwait(false);
    }

    /// <summary>The same addressing; the activity id differs on every turn and proactive sends do not use it.</summary>
    private static bool SameReference(ConversationReference stored, ConversationReference now) => Addressing(stored) == Addressing(now);

    private static string Addressing(ConversationReference r) => JsonSerializer.Serialize(new ConversationReference
    {
        User = r.User, Bot = r.Bot, Conversation = r.Conversation, ChannelId = r.ChannelId, Locale = r.Locale, ServiceUrl = r.ServiceUrl,
    }, BotJson.Options);

    public async Task<Subscription?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync($"SELECT {Columns} FROM subscriptions WHERE conversation_key = @k", Read, cancellationToken, ("@k", key)).ConfigureAwait(false))
        .FirstOrDefault();

    /// <summary>Every subscription that may receive proactive messages (not stopped, not inactive).</summary>
    public Task<List<Subscription>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        database.QueryAsync($"SELECT {Columns} FROM subscriptions WHERE stopped_at IS NULL AND inactive_at IS NULL ORDER BY conversation_key", Read, cancellationToken);

    /// <summary>The conversations that muted <paramref name="meetingId"/>.</summary>
    public async Task<HashSet<string>> MutedAsync(string meetingId, CancellationToken cancellationToken = default) =>
        [.. await database.QueryAsync("SELECT conversation_key FROM subscription_mutes WHERE meeting_id = @m", r => r.GetString(0), cancellationToken, ("@m", meetingId)).ConfigureAwait(false)];

    /// <summary>The meetings a conversation muted.</summary>
    public Task<List<string>> MutedMeetingsAsync(string key, CancellationToken cancellationToken = default) =>
        database.QueryAsync("SELECT meeting_id FROM subscription_mutes WHERE conversation_key = @k ORDER BY meeting_id", r => r.GetString(0), cancellationToken, ("@k", key));

    /// <summary>"stop reminders" (true) or "start reminders" (false); false when the conversation has no subscription.</summary>
    public async Task<bool> SetStoppedAsync(string key, bool stopped, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync("UPDATE subscriptions SET stopped_at = @t WHERE conversation_key = @k", cancellationToken,
            ("@t", stopped ? Sql.Time(time.GetUtcNow()) : null), ("@k", key)).ConfigureAwait(false) == 1;

    public async Task<bool> SetModeAsync(string key, SubscriptionMode mode, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync("UPDATE subscriptions SET mode = @m WHERE conversation_key = @k", cancellationToken,
            ("@m", mode == SubscriptionMode.MySessions ? "mine" : "all"), ("@k", key)).ConfigureAwait(false) == 1;

    /// <summary>Mutes (true) or unmutes the session pushes of a meeting; returns whether anything changed.</summary>
    public async Task<bool> SetMutedAsync(string key, string meetingId, bool muted, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync(muted
                ? "INSERT INTO subscription_mutes (conversation_key, meeting_id, muted_at) VALUES (@k, @m, @t) ON CONFLICT (conversation_key, meeting_id) DO NOTHING"
                : "DELETE FROM subscription_mutes WHERE conversation_key = @k AND meeting_id = @m",
            cancellationToken, ("@k", key), ("@m", meetingId), ("@t", Sql.Time(time.GetUtcNow()))).ConfigureAwait(false) == 1;

    /// <summary>The channel refused the bot for good (403 blocked/uninstalled, 404 gone, installation removed).</summary>
    public Task MarkInactiveAsync(string key, string reason, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("UPDATE subscriptions SET inactive_at = @t, inactive_reason = @r WHERE conversation_key = @k AND inactive_at IS NULL", cancellationToken,
            ("@t", Sql.Time(time.GetUtcNow())), ("@r", reason), ("@k", key));

    /// <summary>Counts for reports: active, stopped, inactive.</summary>
    public async Task<(int Active, int Stopped, int Inactive)> CountAsync(CancellationToken cancellationToken = default)
    {
        var row = (await database.QueryAsync("""
            SELECT SUM(CASE WHEN stopped_at IS NULL AND inactive_at IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN stopped_at IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN stopped_at IS NULL AND inactive_at IS NOT NULL THEN 1 ELSE 0 END)
            FROM subscriptions
            """, r => (Sql.Int(r, 0), Sql.Int(r, 1), Sql.Int(r, 2)), cancellationToken).ConfigureAwait(false)).Single();
        return row;
    }

    private static Subscription Read(DbDataReader r) => new(
        r.GetString(0),
        JsonSerializer.Deserialize<ConversationReference>(r.GetString(1), BotJson.Options)!,
        Sql.Text(r, 2),
        Sql.Int(r, 3) == 1,
        Sql.Int(r, 4) == 1,
        r.GetString(5) == "mine" ? SubscriptionMode.MySessions : SubscriptionMode.AllSessions,
        Sql.Text(r, 6),
        Sql.TimeOrNull(r, 7),
        Sql.TimeOrNull(r, 8),
        Sql.Text(r, 9),
        Sql.ParseTime(r.GetString(10)),
        Sql.ParseTime(r.GetString(11)));
}
