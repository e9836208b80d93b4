using DelegateBot.Core.Agenda;
using AgendaModel = DelegateBot.Core.Agenda.Agenda;
using Microsoft.Extensions.Options;
using Quartz;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>What one re-planning changed.</summary>
public sealed record ReplanResult(int Added, int Moved, int Removed, int Kept);

/// <summary>
/// Keeps one Quartz trigger per upcoming session at start minus the lead time, re-planned at start-up and whenever
/// the agenda changes. Job keys are the push keys (meeting, session, start), so re-planning is idempotent: an
/// unchanged session keeps its job, a moved one gets a new key and its old job is deleted. Push jobs are durable,
/// so a push that already fired stays recorded until its session starts and is not planned again.
/// </summary>
public sealed class SessionPushScheduler(
    ISchedulerFactory schedulers, AgendaService agenda, TimeProvider time, IOptionsMonitor<ReminderSchedulingOptions> options, IServiceProvider delivery, ILogger<SessionPushScheduler> logger)
    : IHostedService
{
    private readonly Lock _gate = new();
    private Task _pending = Task.CompletedTask;

    /// <summary>
    /// Plans in the background: the first plan needs the agenda, i.e. the knowledge index built, and the service
    /// need not wait for it to start listening (a question arriving meanwhile waits for the index itself).
    /// <see cref="WhenIdle"/> tells when it is done.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (delivery.GetService<IBroadcasts>() is null) logger.LogWarning("{Problem}", DeliveryEngine.Missing);
        agenda.Changed += OnAgendaChanged;
        _ = Enqueue(() => agenda.Current);
        return Task.CompletedTask;
    }

    /// <summary>Runs before Quartz stops (hosted services stop in reverse order), so no re-planning outlives the scheduler.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        agenda.Changed -= OnAgendaChanged;
        await WhenIdle().WaitAsync(cancellationToken);
    }

    /// <summary>Completes when every re-planning requested so far has run (tests, the admin API).</summary>
    public Task WhenIdle()
    {
        lock (_gate) return _pending;
    }

    private void OnAgendaChanged(AgendaModel changed) => _ = Enqueue(() => changed);

    /// <summary>Re-plannings run one after another, each on the agenda it was asked for.</summary>
    private Task Enqueue(Func<AgendaModel> which)
    {
        lock (_gate)
        {
            _pending = _pending.ContinueWith(async _ =>
            {
                try { await ReplanAsync(which(), CancellationToken.None); }
                catch (Exception e) { logger.LogError(e, "Re-planning the session pushes failed; the previous plan stays"); }
            }, TaskScheduler.Default).Unwrap();
            return _pending;
        }
    }

    public async Task<ReplanResult> ReplanAsync(AgendaModel current, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        var wanted = SessionPushPlanner.ForAgenda(current, now, options.CurrentValue.Lead).ToDictionary(p => p.Key);
        var existing = await ScheduleQueries.JobKeysAsync(scheduler, SchedulerGroups.SessionPushes, cancellationToken);

        int removed = 0, moved = 0, kept = 0, added = 0;
        foreach (var job in existing.Where(k => !wanted.ContainsKey(k.Name)))
        {
            // Session moved, dropped, muted by agenda.yaml, or already started.
            await scheduler.DeleteJob(job, cancellationToken);
            removed++;
        }
        var have = existing.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var push in wanted.Values)
        {
            if (!have.Contains(push.Key))
            {
                await PushJobs.ScheduleAsync(scheduler, SchedulerGroups.SessionPushes, push, durable: true, now, cancellationToken);
                added++;
                continue;
            }
            // Same session and start: only the lead time can have changed. A push already fired has no trigger left.
            var trigger = await scheduler.GetTrigger(new TriggerKey(push.Key, SchedulerGroups.SessionPushes), cancellationToken);
            if (trigger is not null && push.FireAtUtc > now && trigger.StartTimeUtc != push.FireAtUtc)
            {
                await scheduler.RescheduleJob(trigger.Key, PushJobs.Trigger(scheduler, SchedulerGroups.SessionPushes, push, now), cancellationToken);
                moved++;
            }
            else kept++;
        }
        var result = new ReplanResult(added, moved, removed, kept);
        logger.LogInformation("Session pushes planned: {Added} added, {Moved} moved, {Removed} removed, {Kept} unchanged", added, moved, removed, kept);
        return result;
    }
}
