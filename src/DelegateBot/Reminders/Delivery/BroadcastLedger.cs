using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Reminders.Delivery;

/// <summary>A broadcast as recorded when it was enqueued.</summary>
/// <param name="Recipients">The conversations it was addressed to (one ledger row each).</param>
public sealed record BroadcastInfo(string Id, string Key, Audience Audience, string? Summary, string RequestedBy, DateTimeOffset CreatedAt, int Recipients);

/// <summary>One ledger row as the worker sees it.</summary>
public sealed record DeliveryRow(string BroadcastId, string ConversationKey, string Status, int Attempts);

/// <summary>
/// The ledger: one row per broadcast and conversation (unique), so a conversation gets a broadcast at most once.
/// A row goes pending → sending (claimed by one instance until its lease ends) → sent or failed, or back to pending
/// with a later time when it is to be retried. A claim is a single conditional UPDATE, so two instances cannot both
/// take a row; a row left "sending" by an instance that died is taken over once its lease has expired.
/// </summary>
public sealed class BroadcastLedger(RemindersDatabase database)
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    // No 0/O, 1/I/L: ids are read out and typed.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string BroadcastColumns = "id, broadcast_key, audience_kind, meeting_id, session_id, summary, requested_by, created_at, recipients";

    private readonly ConcurrentDictionary<string, string> _messages = new(StringComparer.Ordinal);

    /// <summary>
    /// Records the broadcast and one pending row per recipient in one transaction. The key is unique: when it is
    /// already there (enqueued before, or by another instance at the same moment), nothing is added and that one is returned.
    /// </summary>
    public async Task<(BroadcastInfo Broadcast, bool AlreadyExisted)> CreateAsync(BroadcastRequest request, IReadOnlyList<string> conversationKeys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        conversationKeys = conversationKeys.Distinct(StringComparer.Ordinal).ToList();
        var message = JsonSerializer.Serialize(request.Message, BotJson.Options);
        var summary = Summary(request.Message);
        var at = Sql.Time(now);
        while (true)
        {
            var id = NewId();
            var created = await database.InTransactionAsync(async (connection, transaction) =>
            {
                var inserted = await Sql.ExecuteAsync(connection, transaction, $"""
                    INSERT INTO broadcasts ({BroadcastColumns}, message_json)
                    VALUES (@id, @key, @kind, @meeting, @session, @summary, @by, @at, @n, @message)
                    ON CONFLICT DO NOTHING
                    """, cancellationToken,
                    ("@id", id), ("@key", request.Key), ("@kind", request.Audience.Kind.ToString()), ("@meeting", request.Audience.MeetingId),
                    ("@session", request.Audience.SessionId), ("@summary", summary), ("@by", request.RequestedBy), ("@at", at),
                    ("@n", conversationKeys.Count), ("@message", message)).ConfigureAwait(false);
                if (inserted == 0) return false;
                await using var insert = Sql.Command(connection, transaction, """
                    INSERT INTO deliveries (broadcast_id, conversation_key, status, attempts, interrupted, next_attempt_at, updated_at)
                    VALUES (@id, @c, 'pending', 0, 0, @at, @at)
                    """, ("@id", id), ("@c", ""), ("@at", at));
                foreach (var key in conversationKeys)
                {
                    insert.Parameters["@c"].Value = key;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                return true;
            }, cancellationToken).ConfigureAwait(false);
            if (created) return (new BroadcastInfo(id, request.Key, request.Audience, summary, request.RequestedBy, Sql.ParseTime(at), conversationKeys.Count), false);
            if (await FindAsync(request.Key, cancellationToken).ConfigureAwait(false) is { } existing) return (existing, true);
            // Otherwise the random id was taken: draw another.
        }
    }

    /// <summary>A broadcast by id ("B-7K3M9Q", any case) or by key.</summary>
    public async Task<BroadcastInfo?> FindAsync(string idOrKey, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync($"SELECT {BroadcastColumns} FROM broadcasts WHERE id = @id OR broadcast_key = @key", ReadBroadcast, cancellationToken,
            ("@id", idOrKey.Trim().ToUpperInvariant()), ("@key", idOrKey.Trim())).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The latest broadcasts, newest first; <paramref name="organisersOnly"/> leaves out the scheduler's session pushes.</summary>
    public Task<List<BroadcastInfo>> ListAsync(int limit, bool organisersOnly = false, CancellationToken cancellationToken = default) =>
        database.QueryAsync($"SELECT {BroadcastColumns} FROM broadcasts {(organisersOnly ? "WHERE requested_by <> 'scheduler'" : "")} ORDER BY created_at DESC, id LIMIT @n",
            ReadBroadcast, cancellationToken, ("@n", limit));

    /// <summary>Rows to send now: pending and due, or "sending" under a lease that has expired (the instance died).</summary>
    public Task<List<DeliveryRow>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync("""
            SELECT broadcast_id, conversation_key, status, attempts FROM deliveries
            WHERE (status = 'pending' AND next_attempt_at <= @now) OR (status = 'sending' AND lease_until <= @now)
            ORDER BY next_attempt_at, broadcast_id LIMIT @n
            """, r => new DeliveryRow(r.GetString(0), r.GetString(1), r.GetString(2), Sql.Int(r, 3)), cancellationToken,
            ("@now", Sql.Time(now)), ("@n", limit));

    /// <summary>When the next row falls due (a retry's time, or a lease's end); null when nothing is left to send.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var next = (await database.QueryAsync("""
            SELECT MIN(CASE WHEN status = 'pending' THEN next_attempt_at ELSE lease_until END) FROM deliveries WHERE status IN ('pending', 'sending')
            """, r => Sql.Text(r, 0), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        return next is null ? null : Sql.ParseTime(next);
    }

    /// <summary>
    /// Takes the row for <paramref name="owner"/> until <paramref name="leaseUntil"/>, just before its send. The WHERE
    /// repeats the "due" test, so of two instances racing for a row exactly one updates it. Taking over an expired
    /// "sending" row counts as an interruption: that send's outcome was never recorded.
    /// </summary>
    public async Task<bool> ClaimAsync(DeliveryRow row, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            UPDATE deliveries SET status = 'sending', owner = @owner, lease_until = @lease, attempts = attempts + 1,
                interrupted = interrupted + CASE WHEN status = 'sending' THEN 1 ELSE 0 END, updated_at = @now
            WHERE broadcast_id = @b AND conversation_key = @c
              AND ((status = 'pending' AND next_attempt_at <= @now) OR (status = 'sending' AND lease_until <= @now))
            """, cancellationToken, ("@owner", owner), ("@lease", Sql.Time(leaseUntil)), ("@now", Sql.Time(now)),
            ("@b", row.BroadcastId), ("@c", row.ConversationKey)).ConfigureAwait(false) == 1;

    public Task<bool> MarkSentAsync(DeliveryRow row, string owner, string? activityId, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(row, owner, "status = 'sent', activity_id = @x, sent_at = @now", activityId, now, cancellationToken);

    public Task<bool> MarkFailedAsync(DeliveryRow row, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(row, owner, "status = 'failed', last_error = @x", reason, now, cancellationToken);

    /// <summary>Back to pending, due again at <paramref name="nextAttempt"/>, with the reason for the report.</summary>
    public async Task<bool> MarkRetryAsync(DeliveryRow row, string owner, DateTimeOffset nextAttempt, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            UPDATE deliveries SET status = 'pending', next_attempt_at = @next, last_error = @x, owner = NULL, lease_until = NULL, updated_at = @now
            WHERE broadcast_id = @b AND conversation_key = @c AND status = 'sending' AND owner = @owner
            """, cancellationToken, ("@next", Sql.Time(nextAttempt)), ("@x", reason), ("@now", Sql.Time(now)),
            ("@b", row.BroadcastId), ("@c", row.ConversationKey), ("@owner", owner)).ConfigureAwait(false) == 1;

    /// <summary>Only the owner of the claim may record its outcome; a row another instance took over is left to it.</summary>
    private async Task<bool> FinishAsync(DeliveryRow row, string owner, string set, string? value, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync($"""
            UPDATE deliveries SET {set}, owner = NULL, lease_until = NULL, updated_at = @now
            WHERE broadcast_id = @b AND conversation_key = @c AND status = 'sending' AND owner = @owner
            """, cancellationToken, ("@x", value), ("@now", Sql.Time(now)), ("@b", row.BroadcastId), ("@c", row.ConversationKey), ("@owner", owner)).ConfigureAwait(false) == 1;

    /// <summary>The message of a broadcast as JSON (kept in memory: it never changes).</summary>
    public async Task<string> MessageJsonAsync(string broadcastId, CancellationToken cancellationToken)
    {
        if (_messages.TryGetValue(broadcastId, out var cached)) return cached;
        var json = (await database.QueryAsync("SELECT message_json FROM broadcasts WHERE id = @id", r => r.GetString(0), cancellationToken, ("@id", broadcastId)).ConfigureAwait(false)).Single();
        return _messages.GetOrAdd(broadcastId, json);
    }

    /// <summary>Counts by status and reason, for the delivery report.</summary>
    public Task<List<(string Status, string? Reason, int Count, int Attempts, int Interrupted, int Retried, DateTimeOffset? LastSent)>> TallyAsync(string broadcastId, CancellationToken cancellationToken) =>
        database.QueryAsync("""
            SELECT status, CASE WHEN status = 'sent' THEN NULL ELSE last_error END, COUNT(*), SUM(attempts), SUM(interrupted),
                   SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END), MAX(sent_at)
            FROM deliveries WHERE broadcast_id = @id
            GROUP BY status, CASE WHEN status = 'sent' THEN NULL ELSE last_error END
            """, r => (r.GetString(0), Sql.Text(r, 1), Sql.Int(r, 2), Sql.Int(r, 3), Sql.Int(r, 4), Sql.Int(r, 5), Sql.TimeOrNull(r, 6)), cancellationToken, ("@id", broadcastId));

    private static BroadcastInfo ReadBroadcast(DbDataReader r) => new(
        r.GetString(0), r.GetString(1),
        new Audience(Enum.Parse<AudienceKind>(r.GetString(2)), Sql.Text(r, 3), Sql.Text(r, 4)),
        Sql.Text(r, 5), r.GetString(6), Sql.ParseTime(r.GetString(7)), Sql.Int(r, 8));

    /// <summary>The first line of the text (or of the card's summary), for lists and reports.</summary>
    public static string? Summary(Activity message)
    {
        var text = message.Text ?? message.Summary;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 140 ? line : line[..139] + "…";
    }

    private static string NewId() => "B-" + string.Concat(Enumerable.Range(0, 6).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
}
