using System.Text.Json;
using DelegateBot.BotFramework.Schema;
using Quartz;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>A broadcast waiting for its time.</summary>
/// <param name="AlreadyScheduled">The key was scheduled before; the earlier schedule stands.</param>
public sealed record ScheduledBroadcast(string Key, DateTimeOffset At, Audience Audience, string RequestedBy, string? Text, bool AlreadyScheduled = false);

/// <summary>
/// Broadcasts "at a time" (admin API, chat, CLI): a persistent Quartz job that hands the request to
/// <see cref="IBroadcasts.EnqueueAsync"/> when it fires. The request's key names the job, so scheduling the same
/// key twice keeps one; a time already past fires at once.
/// </summary>
public interface IBroadcastScheduler
{
    Task<ScheduledBroadcast> ScheduleAsync(BroadcastRequest request, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>False when nothing with that key is waiting (unknown, or already sent).</summary>
    Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The broadcasts still waiting, by time.</summary>
    Task<IReadOnlyList<ScheduledBroadcast>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed class BroadcastScheduler(ISchedulerFactory schedulers, ILogger<BroadcastScheduler> logger) : IBroadcastScheduler
{
    public async Task<ScheduledBroadcast> ScheduleAsync(BroadcastRequest request, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Key);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(request.Key, SchedulerGroups.Broadcasts);
        if (await scheduler.GetJobDetail(key, cancellationToken) is { } existing
            && await scheduler.GetTrigger(new TriggerKey(request.Key, SchedulerGroups.Broadcasts), cancellationToken) is { } waiting)
            return Describe(existing, waiting) with { AlreadyScheduled = true };

        var job = JobBuilder.Create<ScheduledBroadcastJob>()
            .WithIdentity(key)
            .WithDescription(Summary(request.Message))
            .UsingJobData(SchedulerGroups.Request, JsonSerializer.Serialize(request, BotJson.Options))
            .Build();
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(request.Key, SchedulerGroups.Broadcasts)
            .ForJob(key)
            .StartAt(at)
            // Late after downtime: send once, now; an organiser's announcement is still wanted.
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
        logger.LogInformation("Broadcast {Key} scheduled for {At:O} by {By}", request.Key, at, request.RequestedBy);
        return new ScheduledBroadcast(request.Key, at.ToUniversalTime(), request.Audience, request.RequestedBy, Summary(request.Message));
    }

    public async Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var deleted = await scheduler.DeleteJob(new JobKey(key, SchedulerGroups.Broadcasts), cancellationToken);
        if (deleted) logger.LogInformation("Scheduled broadcast {Key} cancelled", key);
        return deleted;
    }

    public async Task<IReadOnlyList<ScheduledBroadcast>> ListAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var list = new List<ScheduledBroadcast>();
        foreach (var key in await ScheduleQueries.JobKeysAsync(scheduler, SchedulerGroups.Broadcasts, cancellationToken))
        {
            if (await scheduler.GetJobDetail(key, cancellationToken) is { } job
                && await scheduler.GetTrigger(new TriggerKey(key.Name, SchedulerGroups.Broadcasts), cancellationToken) is { } trigger)
                list.Add(Describe(job, trigger));
        }
        return list.OrderBy(b => b.At).ToList();
    }

    internal static BroadcastRequest Read(IJobDetail job) =>
        JsonSerializer.Deserialize<BroadcastRequest>(SessionPushJob.Text(job.JobDataMap, SchedulerGroups.Request), BotJson.Options)
        ?? throw new InvalidOperationException($"Scheduled broadcast {job.Key.Name} has no request.");

    private static ScheduledBroadcast Describe(IJobDetail job, ITrigger trigger)
    {
        var request = Read(job);
        return new ScheduledBroadcast(request.Key, trigger.NextFireTimeUtc ?? trigger.StartTimeUtc, request.Audience, request.RequestedBy, job.Description);
    }

    private static string? Summary(Activity message) => message.Text ?? message.Summary;
}

/// <summary>Hands a scheduled broadcast to the delivery engine when its time comes.</summary>
public sealed class ScheduledBroadcastJob(IServiceProvider services, ILogger<ScheduledBroadcastJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var request = BroadcastScheduler.Read(context.JobDetail);
        var ticket = await DeliveryEngine.From(services).EnqueueAsync(request, cancellationToken);
        logger.LogInformation("Scheduled broadcast {Key} enqueued as {Id} for {Recipients} conversation(s)", request.Key, ticket.Id, ticket.Recipients);
    }
}
