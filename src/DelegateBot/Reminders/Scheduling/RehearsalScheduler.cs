using DelegateBot.Core.Agenda;
using Microsoft.Extensions.Options;
using Quartz;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>A rehearsal: <see cref="MeetingId"/>'s pushes replayed so that its first session starts at <see cref="StartsAt"/>.</summary>
public sealed record RehearsalPlan(string MeetingId, string MeetingTitle, DateTimeOffset StartsAt, IReadOnlyList<PlannedPush> Pushes);

/// <summary>
/// Replays a meeting's session pushes shifted in time (the seed events are in the past), so an organiser sees
/// every card before the real day. Keys start with "rehearsal:", distinct from the real pushes; one rehearsal per
/// meeting at a time (a new one replaces the old), cancellable.
/// </summary>
public sealed class RehearsalScheduler(ISchedulerFactory schedulers, AgendaService agenda, TimeProvider time, IOptionsMonitor<ReminderSchedulingOptions> options, ILogger<RehearsalScheduler> logger)
{
    /// <exception cref="ArgumentException">Unknown meeting, a start in the past, or nothing to push.</exception>
    public async Task<RehearsalPlan> ScheduleAsync(string meetingId, DateTimeOffset startsAt, CancellationToken cancellationToken = default)
    {
        var meeting = agenda.Current.FindMeeting(meetingId)
            ?? throw new ArgumentException($"No meeting '{meetingId}' on the agenda (the ids are listed by the agenda command).", nameof(meetingId));
        var now = time.GetUtcNow();
        if (startsAt <= now) throw new ArgumentException($"The rehearsal start {startsAt:O} is not in the future (now is {now:O}).", nameof(startsAt));
        var pushes = SessionPushPlanner.ForRehearsal(meeting, startsAt, now, options.CurrentValue.Lead);
        if (pushes.Count == 0) throw new ArgumentException($"{meeting.Title} has no timed sessions that take pushes.", nameof(meetingId));

        var removed = await CancelAsync(meetingId, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var push in pushes) await PushJobs.ScheduleAsync(scheduler, SchedulerGroups.Rehearsals, push, durable: false, now, cancellationToken);
        logger.LogInformation("Rehearsal of {Meeting} starting {Start:O}: {Count} pushes scheduled{Replaced}", meetingId, startsAt, pushes.Count,
            removed > 0 ? $", replacing {removed} of an earlier rehearsal" : "");
        return new RehearsalPlan(meeting.Id, meeting.Title, startsAt, pushes);
    }

    /// <summary>Removes the meeting's rehearsal pushes not yet fired; returns how many.</summary>
    public async Task<int> CancelAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var prefix = SessionPushPlanner.RehearsalPrefix(meetingId);
        var keys = (await ScheduleQueries.JobKeysAsync(scheduler, SchedulerGroups.Rehearsals, cancellationToken))
            .Where(k => k.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (keys.Count == 0) return 0;
        return (await scheduler.DeleteJobs(keys, cancellationToken)).Count;
    }
}
