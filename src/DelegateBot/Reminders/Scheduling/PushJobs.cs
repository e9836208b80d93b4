using System.Globalization;
using Quartz;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>The Quartz job and trigger of a planned push (session or rehearsal), named by its key.</summary>
internal static class PushJobs
{
    public static IJobDetail Job(string group, PlannedPush push, bool durable) =>
        JobBuilder.Create<SessionPushJob>()
            .WithIdentity(push.Key, group)
            .WithDescription(push.Title)
            .StoreDurably(durable)
            .UsingJobData(SchedulerGroups.MeetingId, push.MeetingId)
            .UsingJobData(SchedulerGroups.SessionId, push.SessionId)
            .UsingJobData(SchedulerGroups.StartUtc, push.StartUtc.ToString("O", CultureInfo.InvariantCulture))
            .UsingJobData(SchedulerGroups.ShownStartUtc, push.ShownStartUtc.ToString("O", CultureInfo.InvariantCulture))
            .Build();

    /// <summary>Fires at the push time, or at once when that is already past (late but before the session).
    /// A trigger found late after downtime fires once (FireNow); the job skips it if the session has begun.</summary>
    public static ITrigger Trigger(IScheduler scheduler, string group, PlannedPush push, DateTimeOffset now) =>
        TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(push.Key, group)
            .ForJob(push.Key, group)
            .StartAt(push.FireAtUtc > now ? push.FireAtUtc : now)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    public static async Task ScheduleAsync(IScheduler scheduler, string group, PlannedPush push, bool durable, DateTimeOffset now, CancellationToken cancellationToken) =>
        await scheduler.ScheduleJob(Job(group, push, durable), Trigger(scheduler, group, push, now), ScheduleJobOptions.Replacing, cancellationToken);
}
