using System.Globalization;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Agenda;
using DelegateBot.Reminders.Scheduling;

namespace DelegateBot.Reminders.Broadcasts;

/// <summary>An organiser's broadcast as the chat, the admin API and the CLI hand it over.</summary>
/// <param name="At">When to send; null (or a time already reached) sends now.</param>
/// <param name="Key">Idempotency key; one is made up when not given (the API and CLI may pass their own).</param>
public sealed record BroadcastOrder(string Text, Audience Audience, DateTimeOffset? At, string RequestedBy, string? Key = null);

/// <summary>What placing a broadcast did: enqueued now (<see cref="Ticket"/>) or scheduled (<see cref="Scheduled"/>).</summary>
/// <param name="Recipients">Conversations it goes to (now), or would go to if it were sent now (scheduled: the audience is read again at its time).</param>
public sealed record BroadcastPlacement(string Key, BroadcastTicket? Ticket, ScheduledBroadcast? Scheduled, int Recipients)
{
    public bool IsScheduled => Scheduled is not null;
    public bool AlreadyExisted => Ticket?.AlreadyExisted ?? Scheduled?.AlreadyScheduled ?? false;
}

/// <summary>
/// Organisers' broadcasts, the same for chat, API and CLI: checks the text and audience against the agenda, counts
/// the recipients, and either enqueues now (<see cref="IBroadcasts"/>) or schedules (<see cref="IBroadcastScheduler"/>).
/// </summary>
public sealed class OrganiserBroadcasts(IBroadcasts broadcasts, AgendaService agenda, TimeProvider time, IServiceProvider services)
{
    public const int MaxTextLength = 4000;

    /// <summary>Why the order cannot be placed, or null when it can.</summary>
    public string? Problem(BroadcastOrder order)
    {
        if (string.IsNullOrWhiteSpace(order.Text)) return "The text is empty.";
        if (order.Text.Length > MaxTextLength) return $"The text is {order.Text.Length} characters long; the limit is {MaxTextLength}.";
        if (order.At is { } at && at < time.GetUtcNow() - TimeSpan.FromMinutes(1))
            return $"{at.ToUniversalTime():yyyy-MM-dd HH:mm}Z is in the past (now is {time.GetUtcNow():yyyy-MM-dd HH:mm}Z).";
        var a = order.Audience;
        if (a.Kind != AudienceKind.Everyone)
        {
            var meeting = a.MeetingId is null ? null : agenda.Current.FindMeeting(a.MeetingId);
            if (meeting is null) return $"No meeting '{a.MeetingId}' on the agenda (the ids are listed by the agenda command).";
            if (a.Kind == AudienceKind.SessionSubscribers && meeting.Sessions.All(s => s.Id != a.SessionId))
                return $"{meeting.Title} has no session '{a.SessionId}' (its sessions: {string.Join(", ", meeting.Sessions.Select(s => s.Id))}).";
        }
        return null;
    }

    public Task<int> CountAsync(Audience audience, CancellationToken cancellationToken = default) => broadcasts.CountRecipientsAsync(audience, cancellationToken);

    /// <exception cref="ArgumentException">The order has a <see cref="Problem"/>.</exception>
    public async Task<BroadcastPlacement> PlaceAsync(BroadcastOrder order, CancellationToken cancellationToken = default)
    {
        if (Problem(order) is { } problem) throw new ArgumentException(problem, nameof(order));
        var now = time.GetUtcNow();
        var key = string.IsNullOrWhiteSpace(order.Key) ? NewKey(now) : order.Key.Trim();
        var request = new BroadcastRequest(key, Activity.CreateMessageActivity(order.Text.Trim()), order.Audience, order.RequestedBy);
        if (order.At is { } at && at > now)
        {
            var scheduler = services.GetService<IBroadcastScheduler>()
                ?? throw new InvalidOperationException("Broadcasts at a time need the reminder scheduler, which is not set up here.");
            var scheduled = await scheduler.ScheduleAsync(request, at, cancellationToken);
            return new BroadcastPlacement(key, null, scheduled, await CountAsync(order.Audience, cancellationToken));
        }
        var ticket = await broadcasts.EnqueueAsync(request, cancellationToken);
        return new BroadcastPlacement(key, ticket, null, ticket.Recipients);
    }

    /// <summary>"broadcast:20261123T1450:3f2a9c1b": sortable, and unique enough that two organisers never collide.</summary>
    public static string NewKey(DateTimeOffset now) =>
        $"broadcast:{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The audience in words, with the agenda's titles: "everyone", "the registrants of …", "the subscribers of … (…)".</summary>
    public string Describe(Audience audience, bool french = false)
    {
        var meeting = audience.MeetingId is null ? null : agenda.Current.FindMeeting(audience.MeetingId);
        var session = meeting?.Sessions.FirstOrDefault(s => s.Id == audience.SessionId);
        return audience.Kind switch
        {
            AudienceKind.MeetingRegistrants => (french ? "les inscrits de " : "the registrants of ") + (meeting?.Title ?? audience.MeetingId),
            AudienceKind.SessionSubscribers => (french ? "les abonnés de " : "the subscribers of ") + $"{session?.Title ?? audience.SessionId} ({meeting?.Title ?? audience.MeetingId})",
            _ => french ? "tout le monde" : "everyone",
        };
    }
}
