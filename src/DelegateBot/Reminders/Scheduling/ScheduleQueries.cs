using Quartz;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>One entry of the reminder schedule, for the CLI and the admin API.</summary>
/// <param name="Kind">"push", "rehearsal" or "broadcast".</param>
/// <param name="FireAtUtc">The next firing; null once a session push has fired (kept until its session starts).</param>
public sealed record ScheduledItem(string Kind, string Key, string? Description, DateTimeOffset? FireAtUtc)
{
    public string State => FireAtUtc is null ? "fired" : "scheduled";
}

/// <summary>Reads the schedule out of Quartz.</summary>
public sealed class ReminderSchedule(ISchedulerFactory schedulers)
{
    private static readonly (string Group, string Kind)[] Groups =
        [(SchedulerGroups.SessionPushes, "push"), (SchedulerGroups.Rehearsals, "rehearsal"), (SchedulerGroups.Broadcasts, "broadcast")];

    /// <summary>Everything scheduled (and session pushes already fired), by time.</summary>
    public async Task<IReadOnlyList<ScheduledItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var items = new List<ScheduledItem>();
        foreach (var (group, kind) in Groups)
            items.AddRange(await ScheduleQueries.ListAsync(scheduler, group, kind, cancellationToken));
        return items.OrderBy(i => i.FireAtUtc ?? DateTimeOffset.MinValue).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
    }
}

internal static class ScheduleQueries
{
    public static async Task<IReadOnlyList<JobKey>> JobKeysAsync(IScheduler scheduler, string group, CancellationToken cancellationToken)
    {
        var keys = new List<JobKey>();
        var query = new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(group), Take = 500 };
        while (true)
        {
            var page = await scheduler.QueryJobs(query, cancellationToken);
            keys.AddRange(page.Items.Select(h => h.Key));
            if (!page.HasMore || page.Items.Count == 0) return keys;
            query = query with { Skip = query.Skip + page.Items.Count };
        }
    }

    public static async Task<IReadOnlyList<ScheduledItem>> ListAsync(IScheduler scheduler, string group, string kind, CancellationToken cancellationToken)
    {
        var items = new List<ScheduledItem>();
        foreach (var key in await JobKeysAsync(scheduler, group, cancellationToken))
        {
            var job = await scheduler.GetJobDetail(key, cancellationToken);
            var trigger = await scheduler.GetTrigger(new TriggerKey(key.Name, group), cancellationToken);
            items.Add(new ScheduledItem(kind, key.Name, job?.Description, trigger?.NextFireTimeUtc));
        }
        return items;
    }
}
