using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Reminders;

/// <summary>Who a broadcast or a session push goes to.</summary>
public enum AudienceKind
{
    /// <summary>Every active subscriber (every conversation that talked to the bot or installed it).</summary>
    Everyone,
    /// <summary>Active subscribers whose user holds a registration for <see cref="Audience.MeetingId"/>.</summary>
    MeetingRegistrants,
    /// <summary>Active subscribers who want pushes for <see cref="Audience.SessionId"/> of <see cref="Audience.MeetingId"/>:
    /// "all sessions" subscribers who have not muted the meeting, and "my sessions" subscribers registered for it.</summary>
    SessionSubscribers,
}

public sealed record Audience(AudienceKind Kind, string? MeetingId = null, string? SessionId = null)
{
    public static Audience Everyone { get; } = new(AudienceKind.Everyone);
}

/// <param name="Key">Idempotency key: enqueuing the same key twice creates one broadcast (e.g. "push:{meetingId}:{sessionId}:{startUtc:O}").</param>
/// <param name="Message">The activity sent to each conversation (text and/or attachments); addressing is filled in per recipient.</param>
/// <param name="RequestedBy">Organiser id, or "scheduler" for session pushes.</param>
public sealed record BroadcastRequest(string Key, Activity Message, Audience Audience, string RequestedBy);

/// <param name="Id">The broadcast id used by delivery reports.</param>
/// <param name="Recipients">Ledger rows created (one per conversation), or already there when <paramref name="AlreadyExisted"/>.</param>
public sealed record BroadcastTicket(string Id, int Recipients, bool AlreadyExisted);

/// <summary>
/// The delivery engine's front door (owned by Reminders/Delivery). Enqueue writes one ledger row per recipient
/// conversation in one transaction and wakes the delivery worker; delivery is rate-limited, retried and reported.
/// Scheduled sends (session pushes, broadcasts "at a time") are Quartz jobs that call <see cref="EnqueueAsync"/> when they fire.
/// </summary>
public interface IBroadcasts
{
    Task<int> CountRecipientsAsync(Audience audience, CancellationToken cancellationToken = default);

    Task<BroadcastTicket> EnqueueAsync(BroadcastRequest request, CancellationToken cancellationToken = default);
}
